using System.Text.Json.Nodes;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>
/// A Classic AltStore source points at the .ipa itself: in a run that also publishes the .ipa, the new version takes
/// the public link that run gave it (its Fenfa download, else its GitHub release asset), once those targets are done.
/// </summary>
public sealed class ClassicSourceEndToEndTests : IAsyncLifetime
{
    private const string Token = "ghs_ClassicCanary8Hd2Rw5Nz1Qc";
    private const string Repository = "octo-org/lumen";
    private readonly FenfaEmulator _fenfa = new();
    private readonly GitHubEmulator _github = new(Token);
    private readonly GitHubActionRun _run = new();
    private readonly byte[] _ipa = SampleArtifacts.Ipa(bundleId: "com.example.lumen", version: "2.4.1", build: "418");

    public async Task InitializeAsync()
    {
        await _fenfa.StartAsync();
        await _github.StartAsync();
        _github.AddRepository(Repository);
        _run.AddFile("build/Lumen.ipa", _ipa);
        _run.AddFile("classic.json", System.Text.Encoding.UTF8.GetBytes(SourceFixtures.Classic));
        _run.Input("artifacts", "build/*.ipa").Input("altstore-source-file", "classic.json")
            .Input("github-token", Token).Input("github-api-url", _github.BaseUrl.ToString()).Input("github-release-assets", "true");
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _github.DisposeAsync();
        await _fenfa.DisposeAsync();
    }

    private JsonNode NewestEntry() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_run.Workspace, "classic.json")))!["apps"]![0]!["versions"]![0]!;

    [Fact]
    public async Task WithFenfaInTheRun_TheNewVersionPointsAtFenfasDownloadLink()
    {
        _run.Input("fenfa-url", _fenfa.BaseUrl.ToString()).Input("fenfa-token", "dev-admin-token").Input("fenfa-product", "lumen");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var entry = NewestEntry();
        entry["version"]!.GetValue<string>().Should().Be("2.4.1");
        entry["downloadURL"]!.GetValue<string>().Should().Be(run.Outputs["download-url"]).And.Contain("/d/");
        entry["size"]!.GetValue<long>().Should().Be(_ipa.Length, "a Classic version's size is the .ipa's");
        entry.AsObject().Select(p => p.Key).Should().NotContain(["marketplaceID", "assetURLs"]);
        run.Summary.Should().Contain("Classic");
    }

    [Fact]
    public async Task WithOnlyTheReleaseAssets_TheNewVersionPointsAtTheAsset_AndARerunChangesNothing()
    {
        var run = await _run.RunAsync();
        var afterFirst = File.ReadAllBytes(Path.Combine(_run.Workspace, "classic.json"));
        var rerun = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        NewestEntry()["downloadURL"]!.GetValue<string>().Should().Be($"{_github.BaseUrl}{Repository}/releases/download/v2.4.1/Lumen.ipa");
        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        File.ReadAllBytes(Path.Combine(_run.Workspace, "classic.json")).Should().Equal(afterFirst);
    }

    [Fact]
    public async Task WithNoPublicLinkInTheRun_TheSourceUpdateFailsSayingWhatToGive()
    {
        _run.Input("github-release-assets", "false");
        var before = File.ReadAllBytes(Path.Combine(_run.Workspace, "classic.json"));

        var run = await _run.RunAsync("altstore");

        run.ExitCode.Should().Be(1, run.Stdout + run.Stderr);
        run.Summary.Should().Contain("altstore-hosted-url");
        File.ReadAllBytes(Path.Combine(_run.Workspace, "classic.json")).Should().Equal(before);
    }
}
