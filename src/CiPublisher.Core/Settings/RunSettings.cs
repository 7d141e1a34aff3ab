namespace CiPublisher.Core.Settings;

/// <summary>
/// One run's validated settings, from action inputs, CLI flags and environment variables.
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

    /// <summary>The run-wide part that targets see, beside their own module's settings.</summary>
    public RunScope Scope => new()
    {
        WorkingDirectory = WorkingDirectory, Version = Version, BuildNumber = BuildNumber, ReleaseNotes = ReleaseNotes, Channel = Channel,
        DryRun = DryRun, MaxParallel = MaxParallel, Http = Http, Context = Context,
    };

    /// <summary>The settings of each module its inputs ask for (<c>FenfaSettings</c>, …); a module not asked for has none here.</summary>
    public IReadOnlyList<object> Modules { get; init; } = [];

    public TSettings? Module<TSettings>() where TSettings : class => Modules.OfType<TSettings>().FirstOrDefault();
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

