using System.Text.Json.Serialization;

namespace CiPublisher.Core.Reporting;

/// <summary>What one target did with one thing: an artifact, a device, a source file.</summary>
public sealed record ItemResult
{
    private readonly IReadOnlyDictionary<string, string> _links = new Dictionary<string, string>();
    private readonly IReadOnlyDictionary<string, string> _facts = new Dictionary<string, string>();

    public required string Name { get; init; }
    public required Outcome Outcome { get; init; }
    public string? Reason { get; init; }

    /// <summary>The artifact as this target made it public; what other targets and the Install table read.</summary>
    [JsonIgnore]
    public Publication? Published { get; init; }

    /// <summary>A QR code image this item is (the GitHub module makes them for the Install table).</summary>
    [JsonIgnore]
    public QrCodeImage? QrCode { get; init; }

    /// <summary>Links to show and output: the publication's (page, download, install), the QR code's, then the ones given here.</summary>
    public IReadOnlyDictionary<string, string> Links
    {
        get => Merged(Published?.Links(), QrCode is { } code ? [KeyValuePair.Create("qr", code.ImageUrl)] : null, _links);
        init => _links = value;
    }

    /// <summary>Facts to show and output: the publication's (version, build, release-id, sha256), the QR code's, then the ones given here.</summary>
    public IReadOnlyDictionary<string, string> Facts
    {
        get => Merged(Published?.Facts(), QrCode is { } code ? [KeyValuePair.Create("for", code.ArtifactName)] : null, _facts);
        init => _facts = value;
    }

    /// <summary>An artifact this target never takes (an .aab for Fenfa, an .ipa for Aptoide): in the result output, not in the summary.</summary>
    public bool NotForThisTarget { get; init; }

    /// <summary>Everything behind a brief reason (each problem of a long list), for the result output; not in the summary.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    private static IReadOnlyDictionary<string, string> Merged(IEnumerable<KeyValuePair<string, string>>? typed,
        IEnumerable<KeyValuePair<string, string>>? code, IReadOnlyDictionary<string, string> given)
    {
        if (typed is null && code is null) return given;
        var merged = new Dictionary<string, string>();
        foreach (var (name, value) in (typed ?? []).Concat(code ?? []).Concat(given)) merged.TryAdd(name, value);
        return merged;
    }
}
