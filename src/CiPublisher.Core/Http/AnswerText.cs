using CiPublisher.Core.Security;

namespace CiPublisher.Core.Http;

/// <summary>
/// How a service's answer is quoted in a message or a log line, the same for every service: secrets redacted, on one
/// line, cut at one length (enough to recognise an error page, not a whole document in the summary).
/// </summary>
public static class AnswerText
{
    public const int Longest = 300;

    /// <summary>"no body", "an HTML page (a proxy, or the wrong URL?)", or the body's text.</summary>
    public static string Quote(string? body, SecretRegistry? secrets = null)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return "no body";
        if (text.StartsWith('<')) return "an HTML page (a proxy, or the wrong URL?)";
        text = (secrets?.Redact(text) ?? text).ReplaceLineEndings(" ");
        return text.Length <= Longest ? text : text[..Longest] + "…";
    }
}
