using CiPublisher.Core.Apple;

namespace CiPublisher.Core.Targets.AltStore;

public sealed record AltStoreSettings
{
    /// <summary>The ADP to process (<c>altstore-adp-id</c>); null with <c>auto</c>, when <see cref="AdpLookupKey"/> finds it.</summary>
    public AdpId? AdpId { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://api.altstore.io");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;
    public bool Wait { get; init; } = true;
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(30);
    public string? SourceFile { get; init; }
    public Uri? SourceUrl { get; init; }
    public string? DeveloperId { get; init; }
    public string? Email { get; init; }

    /// <summary>Finds the app in the source when no iOS artifact gives its bundle identifier (<c>altstore-marketplace-id</c>).</summary>
    public string? MarketplaceId { get; init; }

    /// <summary>
    /// Where the unpacked ADP is hosted (its <c>manifest.json</c> or root), written as the version's <c>downloadURL</c>
    /// (<c>altstore-hosted-url</c>); without it the source points at AltStore's own ADP download link.
    /// </summary>
    public Uri? HostedUrl { get; init; }

    /// <summary>Where the processed ADP's files are put for the source to point at (<c>altstore-adp-host</c>).</summary>
    public AdpHostKind AdpHost { get; init; } = AdpHostKind.None;

    /// <summary>A folder to unpack the processed ADP into, unchanged, for a later step to deploy (<c>altstore-adp-dir</c>).</summary>
    public string? AdpDir { get; init; }

    /// <summary>Whether the processed ADP is downloaded at all: to host it, or to unpack it.</summary>
    public bool HostsAdp => AdpHost != AdpHostKind.None || AdpDir is not null;

    /// <summary>The App Store Connect key that finds the ADP when <c>altstore-adp-id</c> is auto; null otherwise.</summary>
    public AppleSettings? AdpLookupKey { get; init; }

    /// <summary>Whether an ADP is processed: the one given, or the one App Store Connect has.</summary>
    public bool ProcessesAdp => AdpId is not null || AdpLookupKey is not null;

    /// <summary>Which parts of the AltStore flow run: the <c>altstore</c> verb's sub-modes narrow it, <c>publish</c> runs all.</summary>
    public AltStoreSteps Steps { get; init; } = AltStoreSteps.All;
}
