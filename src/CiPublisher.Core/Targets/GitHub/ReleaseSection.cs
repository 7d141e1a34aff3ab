namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// The tool's own block inside a release body, between two HTML comments that GitHub does not render.
/// Everything outside the markers belongs to the user and is kept byte for byte.
/// </summary>
public static class ReleaseSection
{
    public const string StartMarker = "<!-- ci-publisher:start -->";
    public const string EndMarker = "<!-- ci-publisher:end -->";

    /// <summary>The summary wrapped in the markers.</summary>
    public static string Wrap(string summary) => $"{StartMarker}\n{summary.TrimEnd()}\n{EndMarker}";

    /// <summary>
    /// The body with <paramref name="block"/> merged into the existing block (the rows of other jobs of a build
    /// matrix kept, see <see cref="ReleaseSectionRows"/>), or appended when there is none.
    /// Null when the body has a start marker without an end marker: replacing would guess where the
    /// user's text begins again, so the caller refuses instead.
    /// </summary>
    public static string? Merge(string? body, string block)
    {
        body ??= string.Empty;
        var start = body.IndexOf(StartMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            var userText = body.TrimEnd();
            return userText.Length == 0 ? block : $"{userText}\n\n{block}";
        }

        var end = body.IndexOf(EndMarker, start + StartMarker.Length, StringComparison.Ordinal);
        if (end < 0) return null;
        var existing = body[(start + StartMarker.Length)..end];
        var merged = Wrap(ReleaseSectionRows.Merge(existing, block));
        return string.Concat(body.AsSpan(0, start), merged, body.AsSpan(end + EndMarker.Length));
    }
}
