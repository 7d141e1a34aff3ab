using CiPublisher.Core;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.AltStore;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.IntegrationTests.AltStore;

/// <summary>The real service container with the AltStore target, pointed at a running emulator, on fake time.</summary>
public sealed class AltStoreHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private AltStoreHarness(AltStoreEmulator emulator, string workingDirectory)
    {
        Emulator = emulator;
        WorkingDirectory = workingDirectory;
    }

    public AltStoreEmulator Emulator { get; }
    public string WorkingDirectory { get; }
    public DelayAwareClock Time { get; } = new(new DateTimeOffset(2026, 5, 2, 9, 12, 44, TimeSpan.Zero));
    public CapturingLoggerProvider Logs { get; } = new();
    public SecretRegistry Secrets { get; } = new();

    public static async Task<AltStoreHarness> StartAsync()
    {
        var emulator = new AltStoreEmulator();
        await emulator.StartAsync();
        var folder = Directory.CreateTempSubdirectory("altstore-it-").FullName;
        return new AltStoreHarness(emulator, folder);
    }

    public RunSettings Settings(AltStoreSettings altstore, bool dryRun = false, int maxRetries = 4) => new()
    {
        Command = "altstore",
        WorkingDirectory = WorkingDirectory,
        DryRun = dryRun,
        ReleaseNotes = "Faster export.",
        // Fake time runs ahead of real loopback I/O; a generous attempt timeout keeps that from looking like a hang.
        Http = new HttpSettings { MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromHours(1) },
        Modules = [altstore with { ApiUrl = Emulator.BaseUrl }],
    };

    public IServiceProvider Services(RunSettings settings)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddCiPublisherCore(settings, Secrets, Time)
            .AddModule(new AltStoreModule(), settings);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    public IPublishTarget Target(RunSettings settings) => Services(settings).GetServices<IPublishTarget>().Single();

    /// <summary>An ADP ID the test knows to be good.</summary>
    public static AdpId Adp(string id) => AdpId.Parse(id, out var problem) ?? throw new ArgumentException(problem, nameof(id));

    public static ArtifactSet Ipa(string bundleId = "org.example.lumen", string version = "2.5.0", string build = "431") => new(
    [
        new ArtifactInfo
        {
            Path = "/builds/Lumen.ipa", FileName = "Lumen.ipa", Extension = ".ipa", Platform = ArtifactPlatform.Ios,
            SizeBytes = 48_500_000, Identifier = bundleId, DisplayName = "Lumen", Version = version, Build = build,
            MinimumOsVersion = "17.4",
        },
    ]);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(WorkingDirectory, recursive: true);
    }
}
