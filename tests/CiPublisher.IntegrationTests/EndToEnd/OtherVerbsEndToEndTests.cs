using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>The real program, as the runner starts it, for the targets beyond Fenfa.</summary>
public sealed class OtherVerbsEndToEndTests : IDisposable
{
    private readonly GitHubActionRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task RegisterDevices_RegistersOnlyTheNewOnes_ReEnablesDisabled_AndReportsCounts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var apple = new AppStoreConnectEmulator(key, "2X9R4HXF34", "69a6de70-03db-47e3-e053-5b8c7c11a4d1");
        await apple.StartAsync();
        apple.AddDevice("00008110-000A1B2C3D4E5F60", "QA iPhone 15");
        apple.AddDevice("00008030-001C2D3E4F506172", "Old iPad", status: "DISABLED");
        File.WriteAllText(Path.Combine(_run.Workspace, "devices.txt"),
            "Device ID\tDevice Name\tDevice Platform\n00008101-0011223344556677\tTester iPhone\tIOS\n");
        _run.Input("apple-key-id", "2X9R4HXF34").Input("apple-issuer-id", "69a6de70-03db-47e3-e053-5b8c7c11a4d1")
            .Input("apple-private-key", key.ExportPkcs8PrivateKeyPem()).Input("apple-api-url", apple.BaseUrl.ToString())
            .Input("apple-devices", "00008110-000a1b2c3d4e5f60, QA iPhone 15\n00008030-001C2D3E4F506172\nnot-a-udid, Broken")
            .Input("apple-devices-file", "devices.txt");

        var run = await _run.RunAsync("register-devices");

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Outputs["devices-registered"].Should().Be("1");
        run.Outputs["devices-reenabled"].Should().Be("1");
        run.Outputs["devices-existing"].Should().Be("1");
        run.Outputs["devices-invalid"].Should().Be("1");
        apple.Devices.Should().HaveCount(3).And.OnlyContain(d => d.Status == "ENABLED");
        run.Everything.Should().NotContain("00008101-0011223344556677", "UDIDs are shortened in everything a reader sees");
        run.Summary.Should().Contain("Tester iPhone");
    }

    [Fact]
    public async Task Aptoide_UploadsTheApkOnce_AndAReRunFindsItByChecksum()
    {
        await using var aptoide = new AptoideEmulator();
        await aptoide.StartAsync();
        aptoide.AddAccount("dev", "password-1234", "lumen-store");
        aptoide.AddToken("aptoide-token-5f4e3d2c1b", "dev");
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        _run.Input("artifacts", "build/*.apk").Input("aptoide-repo", "lumen-store")
            .Input("aptoide-token", "aptoide-token-5f4e3d2c1b").Input("aptoide-api-url", aptoide.ApiUrl.ToString());

        var first = await _run.RunAsync();
        var second = await _run.RunAsync();

        first.ExitCode.Should().Be(0, first.Stdout + first.Stderr);
        first.Outputs["aptoide-status"].Should().Be("uploaded");
        second.Outputs["aptoide-status"].Should().Be("existing");
        aptoide.Uploads.Should().ContainSingle().Which.FileName.Should().Be("app-release.apk");
        aptoide.FileUploadCount.Should().Be(1);
        (first.Everything + second.Everything).Should().NotContain("aptoide-token-5f4e3d2c1b");
    }

    [Fact]
    public async Task AltStore_ProcessesTheAdp_AddsTheVersionToTheSource_AndFederates()
    {
        await using var altstore = new AltStoreEmulator { PollsUntilDone = 1 };
        await altstore.StartAsync();
        var source = Path.Combine(_run.Workspace, "source.json");
        File.WriteAllText(source, SourceFixtures.Realistic);
        var bundleId = JsonNode.Parse(SourceFixtures.Realistic)!["apps"]![0]!["bundleIdentifier"]!.GetValue<string>();
        _run.AddFile("build/App.ipa", SampleArtifacts.Ipa(bundleId: bundleId, version: "9.9.0", build: "990"));
        _run.Input("artifacts", "build/*.ipa").Input("altstore-api-url", altstore.BaseUrl.ToString())
            .Input("altstore-adp-id", "adp-7f3e2a").Input("altstore-source-file", "source.json")
            .Input("altstore-source-url", "https://apps.example.org/source.json").Input("release-notes", "New in 9.9");

        var run = await _run.RunOnFakeTimeAsync("altstore");

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Outputs["adp-status"].Should().Be("success");
        run.Outputs["adp-download-url"].Should().Be(altstore.DownloadUrlOf("adp-7f3e2a").AbsoluteUri);
        var versions = JsonNode.Parse(File.ReadAllText(source))!["apps"]![0]!["versions"]!.AsArray();
        versions[0]!["version"]!.GetValue<string>().Should().Be("9.9.0");
        versions[0]!["buildVersion"]!.GetValue<string>().Should().Be("990");
        altstore.FederatedSources.Should().ContainSingle().Which.Should().Be("https://apps.example.org/source.json");
    }
}
