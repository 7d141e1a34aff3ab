namespace CiPublisher.Core.Reporting;

/// <summary>
/// An artifact as a target made it public: where a tester gets it and what identifies that copy. Other targets and the
/// renderers read it typed; the <c>result</c> and <c>releases</c> outputs show it among the item's facts and links under
/// the names below, which never change.
/// </summary>
public sealed record Publication
{
    public string? Version { get; init; }
    public string? Build { get; init; }

    /// <summary>The service's own ID of the release (Fenfa's <c>rel_…</c>).</summary>
    public string? ReleaseId { get; init; }

    /// <summary>The SHA-256 of the bytes published, as the upload computed or the service stated it.</summary>
    public string? Sha256 { get; init; }

    /// <summary>A page to install from (Fenfa's release page, a store page).</summary>
    public string? PageUrl { get; init; }

    /// <summary>The file itself, at a public URL.</summary>
    public string? DownloadUrl { get; init; }

    /// <summary>An iOS install link (itms-services://), which Markdown renderers do not link.</summary>
    public string? InstallUrl { get; init; }

    public IEnumerable<KeyValuePair<string, string>> Facts() => Named(("version", Version), ("build", Build), ("release-id", ReleaseId), ("sha256", Sha256));

    public IEnumerable<KeyValuePair<string, string>> Links() => Named(("page", PageUrl), ("download", DownloadUrl), ("install", InstallUrl));

    private static IEnumerable<KeyValuePair<string, string>> Named(params (string Name, string? Value)[] values) =>
        values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Name, v.Value!));
}
