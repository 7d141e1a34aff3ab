using System.Security.Cryptography;
using System.Text.Json;
using CiPublisher.Core.Reporting;

using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AppleDevices;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AppleDevicesSecurityTests : IAsyncLifetime
{
    private const string Udid = "00008110-000A1B2C3D4E5F60";
    private AppleDevicesHarness _h = null!;

    public async Task InitializeAsync() => _h = await AppleDevicesHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AKeyAppleDoesNotKnow_FailsWithNotAuthorized()
    {
        await using var other = await AppleDevicesHarness.StartAsync(emulatorKey: ECDsa.Create(ECCurve.NamedCurves.nistP256));

        var result = await other.RunAsync(other.Settings(Udid));

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("401").And.Contain("NOT_AUTHORIZED");
        other.Emulator.AuthFailures.Should().Contain("bad signature");
    }

    [Fact]
    public async Task NoJwtKeyLineOrFullUdid_AppearsInTheResultOrTheLogs()
    {
        _h.Emulator.AddDevice("00008120-001C2D3E4F506172", "Kim", status: "DISABLED");
        var app = _h.Emulator.AddBundleId("org.example.lumen");
        var certificate = _h.Emulator.AddCertificate("Distribution");
        _h.Emulator.AddProfile("Lumen AdHoc", "IOS_APP_ADHOC", app, [certificate], []);
        _h.Emulator.Faults.Add(CiPublisher.Emulators.Hosting.Fault.Status("GET", "/v1/devices", 503));

        var result = await _h.RunAsync(_h.Settings(Udid, "00008120-001C2D3E4F506172", "bad-udid-zz") with { RefreshProfiles = true },
            AppleDevicesHarness.IosArtifact("org.example.lumen"));

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var tokens = _h.Emulator.Journal.Entries.Select(e => e.Headers["Authorization"]["Bearer ".Length..]).Distinct().ToList();
        tokens.Should().NotBeEmpty();
        var keyLines = _h.Pem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        var written = JsonSerializer.Serialize(result) + string.Join('\n', _h.Logs.Lines);

        _h.Logs.Lines.Should().NotBeEmpty();
        foreach (var secret in tokens.Concat(keyLines)) written.Should().NotContain(secret);
        written.Should().NotContain(Udid).And.NotContain("00008120-001C2D3E4F506172").And.NotContain("000A1B2C3D4E5F60");
    }
}
