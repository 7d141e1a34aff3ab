namespace CiPublisher.Ci;

/// <summary>
/// Azure Pipelines logging-command escaping, as the agent's task library does it: <c>%</c> becomes
/// <c>%AZP25</c> (not <c>%25</c>), and a property value must not carry the <c>;</c> and <c>]</c> that end it.
/// </summary>
public static class AzureLoggingCommandEscaping
{
    public static string Message(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string text) =>
        Message(text).Replace("]", "%5D", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
