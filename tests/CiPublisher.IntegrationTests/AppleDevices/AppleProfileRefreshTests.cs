using CiPublisher.Core.Reporting;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AppleDevices;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AppleProfileRefreshTests : IAsyncLifetime
{
    private const string NewUdid = "00008110-000A1B2C3D4E5F60";
    private AppleDevicesHarness _h = null!;

    public async Task InitializeAsync() => _h = await AppleDevicesHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AStaleAdHocProfile_IsRecreatedWithEveryEnabledDevice_AndSavedForReSigning()
    {
        var kim = _h.Emulator.AddDevice("00008120-001C2D3E4F506172", "Kim");
        var lee = _h.Emulator.AddDevice("3d7f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b", "Lee");
        _h.Emulator.AddDevice("00008130-0000000000000001", "Lost phone", status: "DISABLED");
        _h.Emulator.AddDevice("A1B2C3D4-E5F6-4789-ABCD-0123456789EF", "Build Mac", platform: "MAC_OS");
        var app = _h.Emulator.AddBundleId("org.example.lumen");
        var widget = _h.Emulator.AddBundleId("org.example.lumen.widget");
        var certificate = _h.Emulator.AddCertificate("Distribution");
        var stale = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", app, [certificate], [kim]);
        var store = _h.Emulator.AddProfile("Lumen Store", "IOS_APP_STORE", app, [certificate], []);
        var widgetProfile = _h.Emulator.AddProfile("Widget AdHoc", "IOS_APP_ADHOC", widget, [certificate], [kim]);

        var result = await _h.RunAsync(_h.Settings($"{NewUdid},QA iPhone 15") with { RefreshProfiles = true },
            AppleDevicesHarness.IosArtifact("org.example.lumen"));

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var profiles = _h.Emulator.Profiles;
        profiles.Should().NotContain(p => p.Id == stale.Id);
        profiles.Should().Contain(p => p.Id == store.Id).And.Contain(p => p.Id == widgetProfile.Id, "only the artifacts' bundle IDs are touched");
        // Created under a new name before the old one was deleted; the time stamp is the injected clock's.
        var recreated = profiles.Should().ContainSingle(p => p.Name == "Lumen AdHoc 20260502-090000").Subject;
        recreated.CertificateIds.Should().Equal(certificate.Id);
        recreated.BundleIdId.Should().Be(app.Id);

        var file = Path.Combine(_h.WorkingDirectory.FullName, "Lumen_AdHoc.mobileprovision");
        File.Exists(file).Should().BeTrue();
        AppStoreConnectEmulator.ProvisionedDevicesOf(await File.ReadAllBytesAsync(file))
            .Should().BeEquivalentTo(kim.Udid, lee.Udid, NewUdid);
        result.Items.Should().Contain(i => i.Name == "Lumen AdHoc" && i.Outcome == Outcome.Succeeded && i.Facts["file"] == "Lumen_AdHoc.mobileprovision"
                                          && i.Facts["profile"] == recreated.Name);
        result.Notes.Should().Contain(n => n.Contains("re-sign", StringComparison.Ordinal) && n.Contains("Lumen_AdHoc.mobileprovision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProfileThatAlreadyHoldsEveryEnabledDevice_IsLeftAlone()
    {
        var kim = _h.Emulator.AddDevice("00008120-001C2D3E4F506172", "Kim");
        var app = _h.Emulator.AddBundleId("org.example.lumen");
        var certificate = _h.Emulator.AddCertificate("Distribution");
        var profile = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", app, [certificate], [kim]);

        var result = await _h.RunAsync(_h.Settings(kim.Udid) with { RefreshProfiles = true }, AppleDevicesHarness.IosArtifact("org.example.lumen"));

        result.Outcome.Should().Be(Outcome.AlreadyDone, result.Reason);
        _h.Emulator.Profiles.Should().ContainSingle().Which.Id.Should().Be(profile.Id);
        _h.Emulator.Journal.CountOf("DELETE", "/v1/profiles").Should().Be(0);
        _h.WorkingDirectory.GetFiles("*.mobileprovision").Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnknownBundleId_FailsWithAClearReason()
    {
        _h.Emulator.AddBundleId("org.example.lumen.widget");

        var result = await _h.RunAsync(_h.Settings() with { RefreshProfiles = true }, AppleDevicesHarness.IosArtifact("org.example.lumen"));

        result.Outcome.Should().Be(Outcome.Failed);
        result.Items.Should().ContainSingle(i => i.Name == "org.example.lumen").Which.Reason.Should().Contain("no bundle ID");
    }
}
