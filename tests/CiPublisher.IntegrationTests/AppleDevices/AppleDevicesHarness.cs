using System.Security.Cryptography;
using CiPublisher.Core;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AppleDevices;
using CiPublisher.Core.Targets.Fenfa;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.IntegrationTests.AppleDevices;

/// <summary>The real target from the real service container, against the App Store Connect emulator on one fake clock.</summary>
public sealed class AppleDevicesHarness : IAsyncDisposable
{
    public const string KeyId = "2X9R4HXF34";
    public const string IssuerId = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";

    private AppleDevicesHarness(ECDsa key, AppStoreConnectEmulator emulator, DelayAwareClock time, DirectoryInfo workingDirectory)
    {
        Key = key;
        Emulator = emulator;
        Time = time;
        WorkingDirectory = workingDirectory;
    }

    public ECDsa Key { get; }
    public string Pem => Key.ExportPkcs8PrivateKeyPem();
    public AppStoreConnectEmulator Emulator { get; }
    public DelayAwareClock Time { get; }
    public DirectoryInfo WorkingDirectory { get; }
    public SecretRegistry Secrets { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<AppleDevicesHarness> StartAsync(ECDsa? emulatorKey = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var time = new DelayAwareClock(new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));
        var emulator = new AppStoreConnectEmulator(emulatorKey ?? key, KeyId, IssuerId, time) { DefaultPageSize = 50 };
        await emulator.StartAsync();
        return new AppleDevicesHarness(key, emulator, time, Directory.CreateTempSubdirectory("apple-devices-"));
    }

    public AppleSettings Settings(params string[] devices) => new()
    {
        KeyId = KeyId,
        IssuerId = IssuerId,
        PrivateKey = Pem,
        ApiUrl = Emulator.BaseUrl,
        Devices = devices,
    };

    public Task<TargetResult> RunAsync(AppleSettings apple, ArtifactSet? artifacts = null, bool dryRun = false, FenfaSettings? fenfa = null) =>
        StartRun(apple, artifacts, dryRun, fenfa);

    /// <summary>Starts a run without waiting, for tests that move the clock while it runs.</summary>
    public Task<TargetResult> StartRun(AppleSettings apple, ArtifactSet? artifacts = null, bool dryRun = false, FenfaSettings? fenfa = null)
    {
        var settings = new RunSettings
        {
            Command = "register-devices",
            WorkingDirectory = WorkingDirectory.FullName,
            DryRun = dryRun,
            Modules = fenfa is null ? [apple] : [fenfa, apple],
            Http = new HttpSettings { RetryBaseDelay = TimeSpan.Zero, MaxRetries = 3 },
        };
        Secrets.Register(apple.PrivateKey);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddCiPublisherCore(settings, Secrets, Time)
            .AddModule(new FenfaModule(), settings)
            .AddModule(new AppleDevicesModule(), settings);
        return RunWithAsync(services, artifacts ?? ArtifactSet.Empty);
    }

    private static async Task<TargetResult> RunWithAsync(IServiceCollection services, ArtifactSet artifacts)
    {
        await using var provider = services.BuildServiceProvider();
        var target = provider.GetServices<IPublishTarget>().OfType<AppleDevicesTarget>().Single();
        return await target.RunAsync(artifacts, CancellationToken.None);
    }

    public static ArtifactSet IosArtifact(string bundleId) => new([new ArtifactInfo
    {
        Path = "/builds/Lumen.ipa", FileName = "Lumen.ipa", Extension = ".ipa", Platform = ArtifactPlatform.Ios,
        SizeBytes = 1, Identifier = bundleId,
    }]);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        WorkingDirectory.Delete(recursive: true);
        Key.Dispose();
    }
}
