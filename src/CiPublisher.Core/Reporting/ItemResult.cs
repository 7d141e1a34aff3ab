namespace CiPublisher.Core.Reporting;

/// <summary>What one target did with one thing: an artifact, a device, a source file.</summary>
public sealed record ItemResult
{
    public required string Name { get; init; }
    public required Outcome Outcome { get; init; }
    public string? Reason { get; init; }

    /// <summary>Named links to show and output: "page", "download", "install".</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    /// <summary>Named facts to show: "version", "build", "size", "sha256", "release-id".</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>An artifact this target never takes (an .aab for Fenfa, an .ipa for Aptoide): in the result output, not in the summary.</summary>
    public bool NotForThisTarget { get; init; }

    /// <summary>Everything behind a brief reason (each problem of a long list), for the result output; not in the summary.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
