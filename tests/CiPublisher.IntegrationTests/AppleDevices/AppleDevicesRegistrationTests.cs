using System.Globalization;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Hosting;

using CiPublisher.IntegrationTests.Harness;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.IntegrationTests.AppleDevices;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AppleDevicesRegistrationTests : IAsyncLifetime
{
    private const string NewUdid = "00008110-000A1B2C3D4E5F60";
    private const string KnownUdid = "00008120-001C2D3E4F506172";
    private const string OldUdid = "3d7f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b";
    private AppleDevicesHarness _h = null!;

    public async Task InitializeAsync() => _h = await AppleDevicesHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task OnlyNewDevicesAreRegistered_ExistingOnesMatchRegardlessOfCaseAndHyphens()
    {
        _h.Emulator.AddDevice(KnownUdid.ToLowerInvariant(), "Known");
        _h.Emulator.AddDevice(OldUdid.ToUpperInvariant(), "Old");

        var result = await _h.RunAsync(_h.Settings($"{NewUdid}\tQA iPhone 15", KnownUdid.Replace("-", ""), OldUdid));

        result.Outcome.Should().Be(Outcome.Succeeded);
        _h.Emulator.Journal.CountOf("POST", "/v1/devices").Should().Be(1);
        _h.Emulator.Devices.Should().ContainSingle(d => d.Udid == NewUdid).Which.Name.Should().Be("QA iPhone 15");
        result.Outputs["devices-registered"].Should().Be("1");
        result.Outputs["devices-existing"].Should().Be("2");
        result.Outputs["devices-reenabled"].Should().Be("0");
        result.Items.Should().Contain(i => i.Name == "QA iPhone 15" && i.Outcome == Outcome.Succeeded && i.Facts["udid"] == "00008110…");
    }

    [Fact]
    public async Task DisabledDevicesAreReEnabled_NotRegisteredAgain()
    {
        _h.Emulator.AddDevice(KnownUdid, "Kim's iPhone", status: "DISABLED");

        var result = await _h.RunAsync(_h.Settings(KnownUdid));

        result.Outcome.Should().Be(Outcome.Succeeded);
        _h.Emulator.Journal.CountOf("PATCH", "/v1/devices/").Should().Be(1);
        _h.Emulator.Journal.CountOf("POST", "/v1/devices").Should().Be(0);
        _h.Emulator.Devices.Single().Status.Should().Be("ENABLED");
        result.Outputs["devices-reenabled"].Should().Be("1");
    }

    [Fact]
    public async Task AThousandExistingDevices_CostFiveListCalls_AndNothingElse()
    {
        for (var i = 0; i < 1000; i++) _h.Emulator.AddDevice($"00008110-{i:X16}", $"Device {i}");

        var result = await _h.RunAsync(_h.Settings("00008110-00000000000003E7", "00008110-0000000000000001"));

        result.Outcome.Should().Be(Outcome.AlreadyDone);
        _h.Emulator.Journal.Count.Should().Be(5);
        _h.Emulator.Journal.CountOf("GET", "/v1/devices").Should().Be(5);
        _h.Emulator.Journal.Entries.Skip(1).Should().OnlyContain(e => e.Query.Contains("cursor=", StringComparison.Ordinal),
            "later pages come from links.next");
        result.Figures["api-calls"].Should().Be("5");
        result.Figures["rate-limit-remaining"].Should().Be((_h.Emulator.HourLimit - 5).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ATokenAboutToExpire_IsRenewedMidRun()
    {
        for (var i = 0; i < 2400; i++) _h.Emulator.AddDevice($"00008110-{i:X16}", $"Device {i}");
        // Each of the 12 pages takes 90 s on the shared clock (under the per-attempt timeout): 18 minutes in all,
        // so a token that was never renewed would be expired by the last pages.
        _h.Emulator.Serving += (_, _) => _h.Time.Advance(TimeSpan.FromSeconds(90));

        var result = await _h.RunAsync(_h.Settings(NewUdid));

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _h.Emulator.AuthFailures.Should().BeEmpty();
        _h.Emulator.Journal.Entries.Select(e => e.Headers["Authorization"]).Distinct().Should().HaveCountGreaterThan(1);
        _h.Emulator.Devices.Should().Contain(d => d.Udid == NewUdid);
    }

    [Fact]
    public async Task ARateLimitedListIsWaitedOut_HonouringRetryAfter()
    {
        _h.Emulator.Faults.Add(Fault.RateLimited("GET", "/v1/devices", retryAfterSeconds: 3,
            body: """{"errors":[{"status":"429","code":"RATE_LIMIT_EXCEEDED","title":"The request rate limit has been reached."}]}"""));

        var run = _h.StartRun(_h.Settings(NewUdid));
        var waited = await _h.Time.AdvanceUntilDoneAsync(run);

        var result = await run;
        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        _h.Emulator.Journal.CountOf("GET", "/v1/devices").Should().Be(2);
        _h.Emulator.Devices.Should().ContainSingle(d => d.Udid == NewUdid);
    }

    [Fact]
    public async Task ThePostRetriedAfterItsAnswerWasLost_EndsAsAlreadyThere_WithoutADuplicate()
    {
        _h.Emulator.Faults.Add(Fault.Drop(FaultKind.DropAfterHandler, "POST", "/v1/devices"));

        var result = await _h.RunAsync(_h.Settings(NewUdid));

        result.IsSuccess.Should().BeTrue(result.Reason);
        _h.Emulator.Journal.CountOf("POST", "/v1/devices").Should().Be(2, "the retry meets Apple's 409 for the duplicate");
        _h.Emulator.Devices.Should().ContainSingle(d => d.Udid == NewUdid);
    }

    [Fact]
    public async Task ADeviceAppleRefuses_FailsAlone_WithApplesCodeAndOnlyTheUdidsStart()
    {
        _h.Emulator.Faults.Add(Fault.Status("POST", "/v1/devices", 409, $$"""
            {"errors":[{"id":"e1","status":"409","code":"ENTITY_ERROR.ATTRIBUTE.INVALID","title":"An attribute value is invalid.",
            "detail":"An invalid value '{{OldUdid}}' was provided for the parameter 'udid'."}]}
            """));

        var result = await _h.RunAsync(_h.Settings($"{OldUdid},Old phone", $"{NewUdid},QA iPhone 15"));

        result.Outcome.Should().Be(Outcome.Failed);
        var refused = result.Items.Should().ContainSingle(i => i.Name == "Old phone").Subject;
        refused.Outcome.Should().Be(Outcome.Failed);
        refused.Reason.Should().Contain("ENTITY_ERROR.ATTRIBUTE.INVALID").And.Contain("3d7f1a2b…").And.NotContain(OldUdid);
        _h.Emulator.Devices.Should().ContainSingle().Which.Udid.Should().Be(NewUdid, "one refused device does not stop the others");
    }

    [Fact]
    public async Task TheBudgetGuard_RefusesTheWholeBatch_AndSaysHowManyItWanted()
    {
        var settings = _h.Settings(NewUdid, KnownUdid, OldUdid) with { MaxNewDevices = 2 };

        var result = await _h.RunAsync(settings);

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("3 new device(s)").And.Contain("apple-max-new-devices allows 2");
        _h.Emulator.Journal.CountOf("POST", "/v1/devices").Should().Be(0);
        _h.Emulator.Devices.Should().BeEmpty();
    }

    [Fact]
    public async Task DryRun_PrintsThePlanAndWritesNothing()
    {
        _h.Emulator.AddDevice(KnownUdid, "Kim's iPhone", status: "DISABLED");

        var result = await _h.RunAsync(_h.Settings(NewUdid, KnownUdid), dryRun: true);

        result.Outcome.Should().Be(Outcome.Skipped);
        result.Items.Select(i => i.Reason).Should().Contain(["would register", "would re-enable"]);
        _h.Emulator.Journal.Entries.Should().OnlyContain(e => e.Method == "GET");
        _h.Emulator.Devices.Single().Status.Should().Be("DISABLED");
    }

    [Fact]
    public async Task InvalidUdids_AreReportedWithTheReason_AndNeverSent()
    {
        const string garbage = "ZZZZ-NOT-A-UDID-1234";
        const string macAsIos = "A1B2C3D4-E5F6-4789-ABCD-0123456789EF";

        var result = await _h.RunAsync(_h.Settings(NewUdid, garbage, $"{macAsIos},Build Mac,ios"));

        result.Outputs["devices-invalid"].Should().Be("2");
        result.Outputs["devices-registered"].Should().Be("1");
        result.Items.Should().Contain(i => i.Name == "Build Mac" && i.Reason!.Contains("Intel Mac"));
        result.Items.Should().Contain(i => i.Reason!.Contains("hexadecimal") && i.Reason.Contains("apple-devices line"));
        _h.Emulator.Journal.CountOf("POST", "/v1/devices").Should().Be(1);
        _h.Emulator.Devices.Should().ContainSingle().Which.Udid.Should().Be(NewUdid);
        result.Notes.Should().Contain(n => n.Contains("invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppleDevicesFile_IsReadFromTheWorkingDirectory()
    {
        await File.WriteAllTextAsync(Path.Combine(_h.WorkingDirectory.FullName, "devices.txt"),
            $"Device ID\tDevice Name\tDevice Platform\n{NewUdid}\tQA iPhone 15\tios\nA1B2C3D4-E5F6-4789-ABCD-0123456789EF\tBuild Mac\tmac\n");

        var result = await _h.RunAsync(_h.Settings() with { DevicesFile = "devices.txt" });

        result.Outputs["devices-registered"].Should().Be("2");
        _h.Emulator.Devices.Should().Contain(d => d.Name == "Build Mac" && d.Platform == "MAC_OS");
    }

    [Fact]
    public async Task DevicesBoundToThisProductInFenfa_AreReadPageByPage_AndOtherProductsDevicesAreLeftOut()
    {
        await using var fenfa = new FenfaEmulator { AdminToken = "fenfa-admin-canary-7Qp" };
        var lumen = fenfa.SeedProduct("Lumen", "lumen");
        var ios = fenfa.SeedVariant(lumen.Id, "ios", "org.example.lumen");
        var ipad = fenfa.SeedVariant(lumen.Id, "ios", "org.example.lumen.pad");
        var android = fenfa.SeedVariant(lumen.Id, "android", "org.example.lumen");
        var other = fenfa.SeedVariant(fenfa.SeedProduct("Other app", "other").Id, "ios", "org.example.other");
        fenfa.AddDevice(NewUdid, "QA iPhone 15", variantIds: [ios.Id, ipad.Id]);
        fenfa.AddDevice(KnownUdid, model: "iPhone15,2", variantIds: [ipad.Id]);
        fenfa.AddDevice("00008120-00AA00BB00CC00DD", "Someone else's phone", variantIds: [other.Id]);
        fenfa.AddDevice("00008120-00AA00BB00CC00EE", "Never bound");
        // Past Fenfa's largest page (1000), so the listing must page with offset.
        for (var i = 0; i < 1000; i++)
        {
            var udid = $"00008101-{i:X16}";
            fenfa.AddDevice(udid, $"Tester {i}", variantIds: [ios.Id]);
            _h.Emulator.AddDevice(udid, $"Tester {i}");
        }
        await fenfa.StartAsync();

        var result = await _h.RunAsync(_h.Settings() with { DevicesFromFenfa = true },
            fenfa: new FenfaSettings { Url = fenfa.BaseUrl, Token = "fenfa-admin-canary-7Qp", Product = "lumen" });

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        fenfa.Journal.Entries.Where(e => e.Path == "/admin/api/ios_devices").Select(e => e.Query)
            .Should().Contain(q => q.Contains($"variant_id={ios.Id}") && q.Contains("offset=1000"))
            .And.NotContain(q => q.Contains(android.Id) || q.Contains(other.Id));
        result.Outputs["devices-registered"].Should().Be("2");
        result.Outputs["devices-existing"].Should().Be("1000");
        _h.Emulator.Devices.Should().Contain(d => d.Name == "QA iPhone 15").And.Contain(d => d.Name == "iPhone15,2")
            .And.NotContain(d => d.Name == "Someone else's phone" || d.Name == "Never bound");
        result.Notes.Should().Contain(n => n.Contains("1002 device(s) bound to product 'lumen' taken", StringComparison.Ordinal)
                                           && n.Contains("2 other device(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFenfaUploadToken_FailsWithFenfasReason_AndRegistersNothing()
    {
        await using var fenfa = new FenfaEmulator { UploadToken = "an-upload-token", AdminToken = "the-admin-token" };
        await fenfa.StartAsync();

        var result = await _h.RunAsync(_h.Settings() with { DevicesFromFenfa = true },
            fenfa: new FenfaSettings { Url = fenfa.BaseUrl, Token = "an-upload-token", Product = "lumen" });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("FORBIDDEN").And.Contain("admin token");
        _h.Emulator.Journal.Count.Should().Be(0);
    }
}
