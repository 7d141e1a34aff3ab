using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Core.Apple;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AppleDevices;

/// <summary>Apple's rules for profiles (contract §8, §10), checked against the emulator that enforces them.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AppleProfileRulesTests : IAsyncLifetime
{
    private const string Bundle = "org.example.lumen";
    private AppleDevicesHarness _h = null!;
    private AscBundleId _app = null!;
    private AscCertificate _distribution = null!;
    private AscDevice _phone = null!;

    public async Task InitializeAsync()
    {
        _h = await AppleDevicesHarness.StartAsync();
        _app = _h.Emulator.AddBundleId(Bundle);
        _h.Emulator.AddBundleId("org.example.lumen.widget");
        _distribution = _h.Emulator.AddCertificate("Distribution 2026");
        _phone = _h.Emulator.AddDevice("00008120-001C2D3E4F506172", "Kim's iPhone");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private AppleSettings Refresh(params string[] types) => _h.Settings() with
    {
        RefreshProfiles = true,
        ProfileTypes = types.Length == 0 ? ["IOS_APP_ADHOC"] : types,
    };

    private Task<TargetResult> RunAsync(AppleSettings settings) => _h.RunAsync(settings, AppleDevicesHarness.IosArtifact(Bundle));

    private async Task<IReadOnlyList<string>> SavedUdidsAsync(string file) =>
        AppStoreConnectEmulator.ProvisionedDevicesOf(await File.ReadAllBytesAsync(Path.Combine(_h.WorkingDirectory.FullName, file)));

    [Fact]
    public async Task TheNewProfileIsCreated_BeforeTheOldOneIsDeleted()
    {
        var old = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], []);
        _h.Emulator.AddDevice("00008110-000A1B2C3D4E5F60", "QA iPad", deviceClass: "IPAD");

        var result = await RunAsync(Refresh());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var writes = _h.Emulator.Journal.Entries.Where(e => e.Path.StartsWith("/v1/profiles", StringComparison.Ordinal) && e.Method != "GET")
            .Select(e => $"{e.Method} {e.Path}").ToList();
        writes.Should().Equal("POST /v1/profiles", $"DELETE /v1/profiles/{old.Id}");
    }

    [Fact]
    public async Task EachProfileHoldsExactlyTheClassesItsTypeTakes_AndTheOthersAreReported()
    {
        var ipad = _h.Emulator.AddDevice("00008110-000A1B2C3D4E5F60", "QA iPad", deviceClass: "IPAD");
        var watch = _h.Emulator.AddDevice("00008301-0011223344556677", "QA Watch", deviceClass: "APPLE_WATCH");
        var vision = _h.Emulator.AddDevice("00008112-0011223344556677", "QA Vision Pro", deviceClass: "APPLE_VISION_PRO");
        var tv = _h.Emulator.AddDevice("00008020-0011223344556677", "Lobby Apple TV", deviceClass: "APPLE_TV");
        _h.Emulator.AddDevice("00008103-0011223344556677", "M2 MacBook", platform: "MAC_OS", deviceClass: "MAC");
        _h.Emulator.AddDevice("A1B2C3D4-E5F6-4789-ABCD-0123456789EF", "Intel iMac", platform: "MAC_OS", deviceClass: "MAC");
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], [_phone]);
        _h.Emulator.AddProfile("Lumen TV AdHoc", "TVOS_APP_ADHOC", _app, [_distribution], [tv]);

        var result = await RunAsync(Refresh("IOS_APP_ADHOC", "TVOS_APP_ADHOC"));

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        (await SavedUdidsAsync("Lumen_AdHoc.mobileprovision")).Should().BeEquivalentTo(_phone.Udid, ipad.Udid, watch.Udid, vision.Udid);
        var ios = result.Items.Single(i => i.Name == "Lumen AdHoc");
        ios.Facts["left-out"].Should().Be("3");
        ios.Reason.Should().Contain("1 APPLE_TV").And.Contain("apple-profiles-include-macs").And.Contain("Intel Macs");
        result.Items.Single(i => i.Name == "Lumen TV AdHoc").Outcome.Should().Be(Outcome.AlreadyDone, "it already holds the one Apple TV");
    }

    [Fact]
    public async Task AppleSiliconMacs_EnterIosProfiles_OnlyWhenAsked()
    {
        var m2 = _h.Emulator.AddDevice("00008103-0011223344556677", "M2 MacBook", platform: "MAC_OS", deviceClass: "MAC");
        _h.Emulator.AddDevice("A1B2C3D4-E5F6-4789-ABCD-0123456789EF", "Intel iMac", platform: "MAC_OS", deviceClass: "MAC");
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], [_phone]);

        var result = await RunAsync(Refresh() with { ProfilesIncludeMacs = true });

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        (await SavedUdidsAsync("Lumen_AdHoc.mobileprovision")).Should().BeEquivalentTo(_phone.Udid, m2.Udid);
    }

    [Theory]
    [InlineData(500, "")]
    [InlineData(409, """{"errors":[{"status":"409","code":"ENTITY_ERROR","title":"There is a problem with the request entity","detail":"Invalid deviceClass for profile type."}]}""")]
    public async Task AFailedCreate_LeavesTheOldProfileInPlace_AndSaysSo(int status, string body)
    {
        var old = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], []);
        _h.Emulator.Faults.Add(Fault.Status("POST", "/v1/profiles", status, body.Length == 0 ? null : body), times: 5);

        var result = await RunAsync(Refresh());

        result.Outcome.Should().Be(Outcome.Failed);
        _h.Emulator.Profiles.Should().ContainSingle().Which.Id.Should().Be(old.Id);
        _h.Emulator.Journal.CountOf("DELETE", "/v1/profiles").Should().Be(0);
        _h.WorkingDirectory.GetFiles("*.mobileprovision").Should().BeEmpty();
        result.Items.Single(i => i.Name == "Lumen AdHoc").Reason.Should().Contain("the old profile Lumen AdHoc was kept");
    }

    [Fact]
    public async Task AnExpiredCertificate_IsReplacedByAValidOne()
    {
        var expired = _h.Emulator.AddCertificate("Distribution 2025", expires: _h.Time.GetUtcNow().AddDays(-3));
        _h.Emulator.AddCertificate("Development", "IOS_DEVELOPMENT");
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [expired], [_phone]);

        var result = await RunAsync(Refresh());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _h.Emulator.Profiles.Should().ContainSingle().Which.CertificateIds.Should().Equal(_distribution.Id);
        result.Items.Single().Reason.Should().Contain("certificates renewed");
    }

    [Fact]
    public async Task NoValidCertificate_FailsClearly_BeforeTouchingAnything()
    {
        var expired = _h.Emulator.AddCertificate("Distribution 2025", expires: _h.Time.GetUtcNow().AddDays(-3));
        _h.Emulator.AddCertificate("Revoked", activated: false);
        _h.Emulator.RemoveCertificate(_distribution.Id);
        var old = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [expired], []);

        var result = await RunAsync(Refresh());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Items.Single().Reason.Should().Contain("'Distribution 2025' expired 2026-04-29").And.Contain("'Revoked' is not active")
            .And.Contain("left as it is");
        _h.Emulator.Journal.Entries.Should().NotContain(e => e.Path.StartsWith("/v1/profiles", StringComparison.Ordinal) && e.Method != "GET");
        _h.Emulator.Profiles.Should().ContainSingle().Which.Id.Should().Be(old.Id);
    }

    [Fact]
    public async Task AMissingProfile_IsCreatedOnlyWhenAsked_AndFoundAgainByTheNextRun()
    {
        var notAsked = await RunAsync(Refresh());

        notAsked.Items.Should().ContainSingle().Which.Reason.Should().Contain("apple-create-missing-profiles");
        _h.Emulator.Profiles.Should().BeEmpty();

        var asked = await RunAsync(Refresh() with { CreateMissingProfiles = true });
        var again = await RunAsync(Refresh() with { CreateMissingProfiles = true });

        asked.Outcome.Should().Be(Outcome.Succeeded, asked.Reason);
        var created = _h.Emulator.Profiles.Should().ContainSingle().Subject;
        created.Name.Should().Be("org.example.lumen iOS AdHoc");
        created.BundleIdId.Should().Be(_app.Id, "the exact bundle ID, not the widget Apple's filter also returns");
        (await SavedUdidsAsync("org.example.lumen_iOS_AdHoc.mobileprovision")).Should().Equal(_phone.Udid);
        again.Outcome.Should().Be(Outcome.AlreadyDone, again.Reason);
        _h.Emulator.Journal.CountOf("POST", "/v1/profiles").Should().Be(1);
    }

    [Fact]
    public async Task ASecondRun_ChangesNothing_WhenNothingChanged()
    {
        _h.Emulator.AddDevice("00008110-000A1B2C3D4E5F60", "QA iPad", deviceClass: "IPAD");
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], [_phone]);
        (await RunAsync(Refresh())).Outcome.Should().Be(Outcome.Succeeded);
        var afterFirst = _h.Emulator.Profiles;
        var writes = _h.Emulator.Journal.Entries.Count(e => e.Method is "POST" or "DELETE");

        var second = await RunAsync(Refresh());

        second.Outcome.Should().Be(Outcome.AlreadyDone, second.Reason);
        _h.Emulator.Profiles.Should().BeEquivalentTo(afterFirst);
        _h.Emulator.Journal.Entries.Count(e => e.Method is "POST" or "DELETE").Should().Be(writes);
    }

    [Fact]
    public async Task AnOldProfileThatCouldNotBeDeleted_IsDeletedByTheNextRun_WithoutAnotherCreate()
    {
        var old = _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], []);
        _h.Emulator.Faults.Add(Fault.Status("DELETE", $"/v1/profiles/{old.Id}", 503), times: 4);

        var first = await RunAsync(Refresh());
        var second = await RunAsync(Refresh());

        first.Outcome.Should().Be(Outcome.Succeeded, first.Reason);
        first.Items.Single().Reason.Should().Contain("could not be deleted").And.Contain("next run deletes it");
        second.Items.Should().Contain(i => i.Name == "Lumen AdHoc" && i.Outcome == Outcome.Succeeded && i.Reason!.StartsWith("deleted"));
        _h.Emulator.Profiles.Should().ContainSingle().Which.Name.Should().Be("Lumen AdHoc 20260502-090000");
        _h.Emulator.Journal.CountOf("POST", "/v1/profiles").Should().Be(1);
    }

    [Fact]
    public async Task DryRun_SaysWhatWouldChange_AndWritesNothing()
    {
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", _app, [_distribution], []);

        var result = await _h.RunAsync(Refresh(), AppleDevicesHarness.IosArtifact(Bundle), dryRun: true);

        result.Items.Single(i => i.Name == "Lumen AdHoc").Reason.Should().Contain("would be replaced (1 device(s) added)");
        _h.Emulator.Journal.Entries.Should().NotContain(e => e.Method == "POST" || e.Method == "DELETE");
    }
}
