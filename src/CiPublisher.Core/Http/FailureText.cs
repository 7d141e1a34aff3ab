namespace CiPublisher.Core.Http;

/// <summary>
/// A failure as one readable sentence: the exception's message and its distinct inner messages
/// ("An error occurred while sending the request: The response ended prematurely").
/// </summary>
public static class FailureText
{
    public static string Of(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal))) messages.Add(message);
        }
        return string.Join(": ", messages);
    }
}
