namespace CiPublisher.Ci;

/// <summary>GitHub workflow-command escaping (as the Actions toolkit does it).</summary>
public static class WorkflowCommandEscaping
{
    public static string Message(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string text) =>
        Message(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
