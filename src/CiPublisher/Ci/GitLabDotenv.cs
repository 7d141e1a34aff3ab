using System.Text;
using System.Text.RegularExpressions;

namespace CiPublisher.Ci;

/// <summary>
/// GitLab's dotenv report (<c>artifacts:reports:dotenv</c>): one <c>KEY=VALUE</c> a line, keys of letters,
/// digits and <c>_</c>, no quoting, so no newlines and no spaces in values, and at most 5 KB in all.
/// Values that break these rules are refused with the reason instead of corrupting the report.
/// </summary>
public static partial class GitLabDotenv
{
    public const int LimitBytes = 5 * 1024;

    /// <summary>
    /// <c>release-id</c> → <c>CIPUBLISHER_OUT_RELEASE_ID</c>. The variables reach every later job, so they carry
    /// a prefix; <c>_OUT_</c> keeps them apart from the <c>CIPUBLISHER_*</c> inputs a later run would read.
    /// </summary>
    public static string Key(string outputName) => "CIPUBLISHER_OUT_" + outputName.Replace('-', '_').ToUpperInvariant();

    /// <summary>The line to append, or null with the reason it cannot be in the report.</summary>
    public static (string? Line, string? Problem) Line(string outputName, string value, long bytesAlreadyInFile)
    {
        var key = Key(outputName);
        if (!KeyPattern().IsMatch(key)) return (null, "its name cannot be a dotenv key");
        if (value.Contains('\n') || value.Contains('\r')) return (null, "the dotenv format has no multi-line values");
        if (value.Any(char.IsWhiteSpace)) return (null, "the dotenv format has no values with spaces");
        var line = $"{key}={value}\n";
        if (bytesAlreadyInFile + Encoding.UTF8.GetByteCount(line) > LimitBytes)
            return (null, $"the report would exceed GitLab's {LimitBytes / 1024} KB dotenv limit");
        return (line, null);
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex KeyPattern();
}
