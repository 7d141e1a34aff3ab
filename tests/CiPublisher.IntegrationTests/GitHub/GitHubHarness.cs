using CiPublisher.Core;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.Emulators.GitHub;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.IntegrationTests.GitHub;

/// <summary>The GitHub target built from the real service container, pointed at a running emulator.</summary>
public sealed class GitHubHarness : IAsyncDisposable
{
    // Distinctive, so a leak anywhere is found by a plain substring search.
    public const string Token = "ghs_CanaryToken7Qx9ZpLw3Mv8Rt2Ky5";
    public const string Repository = "octo-org/app";

    private readonly List<ServiceProvider> _providers = [];

    private GitHubHarness() => Emulator = new GitHubEmulator(Token, Time);

    public DelayAwareClock Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public GitHubEmulator Emulator { get; }
    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<GitHubHarness> StartAsync()
    {
        var harness = new GitHubHarness();
        await harness.Emulator.StartAsync();
        harness.Emulator.AddRepository(Repository);
        return harness;
    }

    public RunSettings Settings(bool release = true, bool comment = false, string? version = "1.4.0", RunContext? context = null,
        bool dryRun = false, string token = Token, string repository = Repository) => new()
    {
        Command = "publish",
        WorkingDirectory = ".",
        Version = version,
        DryRun = dryRun,
        Context = context ?? new RunContext
        {
            Platform = "github", Repository = repository, Ref = "refs/heads/main", RefName = "main", EventName = "push",
            Sha = "0123456789abcdef0123456789abcdef01234567", RunUrl = "https://github.com/octo-org/app/actions/runs/99",
        },
        Modules =
        [
            new GitHubSettings { Token = token, ApiUrl = Emulator.BaseUrl, Repository = RepositoryName.Parse(repository)!, Release = release, PullRequestComment = comment },
        ],
    };

    public static RunContext PullRequest(int number) => new()
    {
        Platform = "github", Repository = Repository, Ref = $"refs/pull/{number}/merge", RefName = $"{number}/merge",
        EventName = "pull_request", IsPullRequest = true, PullRequestNumber = number, Sha = "fedcba9876543210fedcba9876543210fedcba98",
    };

    public (IReportTarget Target, TargetRunner Runner) Build(RunSettings settings)
    {
        var secrets = new SecretRegistry();
        secrets.Register(settings.Module<GitHubSettings>()?.Token);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs))
            .AddCiPublisherCore(settings, secrets, Time)
            .AddModule(new GitHubModule(), settings);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return (provider.GetServices<IReportTarget>().Single(), provider.GetRequiredService<TargetRunner>());
    }

    public async Task<TargetResult> RunAsync(RunSettings settings, RunReport report)
    {
        var (target, runner) = Build(settings);
        var results = await runner.RunAsync([target], report, CancellationToken.None);
        return results.Single();
    }

    /// <summary>A run where Fenfa published an iOS build, AltStore processed the ADP and Apple registered devices.</summary>
    public static RunReport Report(string build = "57", string? fenfaReason = null) => new()
    {
        Command = "publish",
        StartedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        Artifacts =
        [
            new ArtifactInfo
            {
                Path = "build/App.ipa", FileName = "App.ipa", Extension = ".ipa", Platform = ArtifactPlatform.Ios, SizeBytes = 1234,
                DisplayName = "Octo App", Version = "1.4.0", Build = build,
            },
        ],
        Targets =
        [
            new TargetResult
            {
                Target = "Fenfa", Outcome = Outcome.Succeeded,
                Items =
                [
                    new ItemResult
                    {
                        Name = "App.ipa", Outcome = Outcome.Succeeded, Reason = fenfaReason,
                        Published = new Publication
                        {
                            PageUrl = "https://dist.example.com/products/octo", DownloadUrl = $"https://dist.example.com/d/{build}/App.ipa",
                            InstallUrl = $"https://dist.example.com/install/{build}", Version = "1.4.0", Build = build,
                        },
                    },
                ],
                Outputs = new Dictionary<string, string> { ["release-id"] = "rel_1" },
            },
            new TargetResult
            {
                Target = "AltStore", Outcome = Outcome.Succeeded,
                Outputs = new Dictionary<string, string>
                {
                    ["adp-status"] = "processed", ["adp-download-url"] = "https://cdn.altstore.example/adp/octo.adp",
                },
                Adp = new AdpSummary("processed", "https://cdn.altstore.example/adp/octo.adp"),
            },
            new TargetResult
            {
                Target = "Apple devices", Outcome = Outcome.Succeeded,
                Outputs = new Dictionary<string, string>
                {
                    ["devices-registered"] = "3", ["devices-reenabled"] = "1", ["devices-existing"] = "12", ["devices-invalid"] = "0",
                },
                Devices = new DeviceCounts(3, 1, 12, 0),
            },
        ],
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
