namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// The name an artifact gets as a release asset. GitHub renames names with special characters (a space becomes a
/// period), so an upload under the raw name would not be found again by a re-run; the name is made safe first.
/// </summary>
public static class ReleaseAssetName
{
    /// <summary>The suffix of a replacement while it is uploaded, before the asset it replaces is deleted.</summary>
    public const string Replacing = ".replacing";

    public static string For(string fileName)
    {
        var safe = string.Concat(fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+' ? c : '.'));
        return safe.Trim('.') is { Length: > 0 } trimmed ? trimmed : "artifact";
    }
}
