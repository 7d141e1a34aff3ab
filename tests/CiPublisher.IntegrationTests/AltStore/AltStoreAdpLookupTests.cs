using System.Security.Cryptography;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AltStore;

/// <summary><c>altstore-adp-id: auto</c>: the ADP found (or made) in App Store Connect, then processed by AltStore.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AltStoreAdpLookupTests : IAsyncLifetime
{
    private const string KeyId = "2X9R4HXF34";
    private const string IssuerId = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private AltStoreHarness _harness = null!;
    private AppStoreConnectEmulator _apple = null!;
    private AscApp _lumen = null!;

    public async Task InitializeAsync()
    {
        _harness = await AltStoreHarness.StartAsync();
        _apple = new AppStoreConnectEmulator(_key, KeyId, IssuerId, _harness.Time);
        await _apple.StartAsync();
        // Apple's filter is not exact, and here the look-alike comes back first.
        _apple.AddApp("org.example.lumen.widget", "Lumen Widget");
        _lumen = _apple.AddApp("org.example.lumen", "Lumen");
    }

    public async Task DisposeAsync()
    {
        await _apple.DisposeAsync();
        await _harness.DisposeAsync();
        _key.Dispose();
    }

    private Task<TargetResult> RunAsync(TimeSpan? timeout = null)
    {
        var key = new AppleSettings { KeyId = KeyId, IssuerId = IssuerId, PrivateKey = _key.ExportPkcs8PrivateKeyPem(), ApiUrl = _apple.BaseUrl };
        var settings = _harness.Settings(new AltStoreSettings { WaitTimeout = timeout ?? TimeSpan.FromMinutes(30), AdpLookupKey = key })
            with { Version = null };
        return _harness.Time.RunUntilDoneAsync(_harness.Target(settings).RunAsync(AltStoreHarness.Ipa(), CancellationToken.None));
    }

    [Fact]
    public async Task TheIosVersionsPackage_OfTheExactBundleId_IsFoundAndProcessed()
    {
        var tv = _apple.AddAppStoreVersion(_lumen, "2.5.0", platform: "TV_OS");
        _apple.AddPackage(tv);
        var package = _apple.AddPackage(_apple.AddAppStoreVersion(_lumen, "2.5.0"));

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        result.Outputs.Should().Contain("adp-id", package).And.Contain("adp-status", "success");
        _harness.Emulator.ProcessRequests.Should().Equal(package);
        _apple.CreatedPackages.Should().BeEmpty();
    }

    [Fact]
    public async Task APackageIdThatCannotGoIntoAUrl_IsRefused_BeforeAltStoreIsAsked()
    {
        _apple.AddPackage(_apple.AddAppStoreVersion(_lumen, "2.5.0"), id: "../evil");

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Failed);
        result.Items.Should().ContainSingle(i => i.Outcome == Outcome.Failed).Which.Reason.Should()
            .Be("App Store Connect named the package ../evil, an ID that must be the ADP ID alone, without '/', '\\', '..', '?', '#' or '%' (got '../evil')");
        _harness.Emulator.ProcessRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task AnApprovedVersionWithoutAPackage_GetsOneMade()
    {
        _apple.AddAppStoreVersion(_lumen, "2.5.0", state: "PENDING_DEVELOPER_RELEASE");

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var created = _apple.CreatedPackages.Should().ContainSingle().Subject;
        result.Outputs["adp-id"].Should().Be(created);
        _harness.Emulator.ProcessRequests.Should().Equal(created);
    }

    [Fact]
    public async Task APackageAppleMakesByItself_IsWaitedFor_AnsweredNullMeanwhile()
    {
        var version = _apple.AddAppStoreVersion(_lumen, "2.5.0", state: "PROCESSING_FOR_DISTRIBUTION");
        // The create is refused as "already exists" once Apple has begun; then only looking again helps.
        _apple.GeneratePackageAfter(version, looks: 3);
        _apple.NullBeforePackage = true;

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        result.Outputs["adp-id"].Should().NotBeNullOrEmpty();
        _apple.CreatedPackages.Should().BeEmpty("Apple made it");
        _apple.Journal.CountOf("GET", $"/v1/appStoreVersions/{version.Id}/alternativeDistributionPackage").Should().Be(4, "three looks before it appears, one that finds it");
        _harness.Emulator.ProcessRequests.Should().Equal(result.Outputs["adp-id"]);
    }

    [Fact]
    public async Task AVersionNotYetApproved_FailsWithItsStateAndWhatToDo_BeforeAnyAltStoreRequest()
    {
        _apple.AddAppStoreVersion(_lumen, "2.5.0", state: "WAITING_FOR_REVIEW");

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("WAITING_FOR_REVIEW").And.Contain("notarization");
        _harness.Emulator.Journal.Count.Should().Be(0);
        _apple.CreatedPackages.Should().BeEmpty();
    }

    [Fact]
    public async Task NoSuchVersion_SaysWhichIsMissing()
    {
        _apple.AddAppStoreVersion(_lumen, "2.4.1");

        var result = await RunAsync();

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("no iOS App Store version 2.5.0").And.Contain("org.example.lumen");
    }
}
