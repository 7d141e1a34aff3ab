namespace CiPublisher.Core.Settings;

/// <summary>
/// One run's validated settings, from action inputs, CLI flags and environment variables.
/// A target's settings are null when its enabling input is absent.
/// </summary>
public sealed record RunSettings
{
    public required string Command { get; init; }
    public IReadOnlyList<string> ArtifactPatterns { get; init; } = [];
    public required string WorkingDirectory { get; init; }
    public string? Version { get; init; }
    public string? BuildNumber { get; init; }

    /// <summary>Release notes, already read from <c>release-notes-file</c> when that was given.</summary>
    public string? ReleaseNotes { get; init; }

    /// <summary>No notes were given and <c>release-notes-from: pr</c> asks for the pull request's title and body.</summary>
    public bool ReleaseNotesFromPullRequest { get; init; }

    /// <summary>What binding wants the log to say (a shallow checkout cut the notes short).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public string? Channel { get; init; }
    public bool DryRun { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
    public int MaxParallel { get; init; } = 2;
    public HttpSettings Http { get; init; } = new();
    public RunContext Context { get; init; } = new();

    public FenfaSettings? Fenfa { get; init; }
    public AppleSettings? Apple { get; init; }
    public AltStoreSettings? AltStore { get; init; }
    public AptoideSettings? Aptoide { get; init; }
    public GitHubSettings? GitHub { get; init; }
}

/// <summary>Retry and timeout defaults shared by every HTTP client.</summary>
public sealed record HttpSettings
{
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a single API call (not an upload) may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>An upload fails when no byte moved for this long; there is no total limit on transfers.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Where the run happens, from the CI platform's variables (the library reads none itself).</summary>
public sealed record RunContext
{
    public string Platform { get; init; } = "local";
    public string? Repository { get; init; }
    public string? Ref { get; init; }
    public string? RefName { get; init; }
    public bool IsTag { get; init; }
    public string? Sha { get; init; }
    public string? RunUrl { get; init; }
    public string? EventName { get; init; }

    /// <summary>The platform builds a pull (merge) request: such runs leave releases alone.</summary>
    public bool IsPullRequest { get; init; }

    /// <summary>The pull request to comment on: the platform's, or github-pr-number (which always means "this one").</summary>
    public int? PullRequestNumber { get; init; }
}

public sealed record FenfaSettings
{
    public required Uri Url { get; init; }
    public string? Token { get; init; }
    public string? Product { get; init; }
    public string? ProductName { get; init; }
    public string? VariantId { get; init; }
    public bool Publish { get; init; } = true;
    public bool SkipExisting { get; init; } = true;
}

public sealed record AppleSettings
{
    public required string KeyId { get; init; }
    public string? IssuerId { get; init; }
    public required string PrivateKey { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://api.appstoreconnect.apple.com");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;
    public IReadOnlyList<string> Devices { get; init; } = [];
    public string? DevicesFile { get; init; }
    public bool DevicesFromFenfa { get; init; }
    public int? MaxNewDevices { get; init; }
    public bool RefreshProfiles { get; init; }
    public IReadOnlyList<string> ProfileTypes { get; init; } = ["IOS_APP_ADHOC"];
    public bool CreateMissingProfiles { get; init; }
    public bool ProfilesIncludeMacs { get; init; }

    /// <summary>Whether the run touches profiles at all: keeping existing ones current, creating missing ones, or both.</summary>
    public bool ManagesProfiles => RefreshProfiles || CreateMissingProfiles;
}

public sealed record AltStoreSettings
{
    public string? AdpId { get; init; }
    public Uri ApiUrl { get; init; } = new("https://api.altstore.io");
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

    /// <summary>Which parts of the AltStore flow run: the <c>altstore</c> verb's sub-modes narrow it, <c>publish</c> runs all.</summary>
    public AltStoreSteps Steps { get; init; } = AltStoreSteps.All;
}

public sealed record AptoideSettings
{
    public required string Repo { get; init; }
    public string? Token { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://webservices.aptoide.com/webservices/");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>Aptoide category number, passed through (v3 numbering: 16 Tools, 33 Business, ...).</summary>
    public string? Category { get; init; }

    /// <summary>Age rating: 1 All, 2 Pre-Teen, 3 Teen, 4 Mature (or those names).</summary>
    public string? Rating { get; init; }

    public string? Description { get; init; }

    /// <summary>Publish only to this store; false also proposes the app to Aptoide's main catalogue.</summary>
    public bool OnlyUserRepo { get; init; } = true;
}

public sealed record GitHubSettings
{
    public required string Token { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://api.github.com");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;
    public string? Repository { get; init; }
    public bool Release { get; init; }
    public bool PullRequestComment { get; init; }

    /// <summary>Upload the artifacts as assets of the tag's release (<c>github-release-assets</c>).</summary>
    public bool ReleaseAssets { get; init; }

    /// <summary>With the assets, a <c>SHA256SUMS</c> asset listing them all (<c>github-release-checksums</c>).</summary>
    public bool ReleaseChecksums { get; init; } = true;
}
