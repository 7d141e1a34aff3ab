using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>
/// The AltStore PAL chain in one step, as the real program runs it on a tag: the ADP found in App Store Connect,
/// processed by AltStore, its files put on the tag's GitHub release, the new version written into the source with
/// <c>downloadURL</c> and <c>assetURLs</c> pointing there, the source federated; and a re-run that changes nothing.
/// </summary>
public sealed class AltStorePalChainEndToEndTests : IAsyncLifetime
{
    private const string Token = "ghs_PalChainCanary3Vr7Ty1Qp9Lm";
    private const string Repository = "octo-org/lumen";
    private const string Tag = "v2.5.0";
    private const string SourceUrl = "https://apps.example.org/source.json";
    private const string KeyId = "2X9R4HXF34";
    private const string IssuerId = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly AltStoreEmulator _altstore = new() { PollsUntilDone = 1 };
    private readonly GitHubEmulator _github = new(Token);
    private readonly GitHubActionRun _run = new();
    private readonly SampleAdp _package = SampleAdp.Build("org.example.lumen", "2.5.0", "431", "6741000000", deltas: 1);
    private AppStoreConnectEmulator _apple = null!;
    private string _adpId = "";

    public async Task InitializeAsync()
    {
        _apple = new AppStoreConnectEmulator(_key, KeyId, IssuerId);
        await _apple.StartAsync();
        await _altstore.StartAsync();
        await _github.StartAsync();
        _github.AddRepository(Repository);
        var lumen = _apple.AddApp("org.example.lumen", "Lumen");
        _adpId = _apple.AddPackage(_apple.AddAppStoreVersion(lumen, "2.5.0"));
        _altstore.Packages[_adpId] = _package.Zip;

        _run.Environment["GITHUB_REF"] = $"refs/tags/{Tag}";
        _run.Environment["GITHUB_REF_NAME"] = Tag;
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa(bundleId: "org.example.lumen", version: "2.5.0", build: "431"));
        _run.AddFile("source.json", System.Text.Encoding.UTF8.GetBytes(SourceFixtures.Realistic));
        _run.Input("artifacts", "build/*.ipa")
            .Input("apple-key-id", KeyId).Input("apple-issuer-id", IssuerId).Input("apple-private-key", _key.ExportPkcs8PrivateKeyPem())
            .Input("apple-api-url", _apple.BaseUrl.ToString())
            .Input("altstore-api-url", _altstore.BaseUrl.ToString())
            .Input("altstore-adp-id", "auto").Input("altstore-adp-host", "github-release")
            .Input("altstore-source-file", "source.json").Input("altstore-source-url", SourceUrl)
            .Input("github-token", Token).Input("github-api-url", _github.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _github.DisposeAsync();
        await _altstore.DisposeAsync();
        await _apple.DisposeAsync();
        _key.Dispose();
    }

    private string AssetUrl(string name) => $"{_github.BaseUrl}{Repository}/releases/download/{Tag}/{name}";

    [Fact]
    public async Task TheTag_EndsAsAFederatedSourceVersion_PointingAtTheReleaseAssets_AndARerunChangesNothing()
    {
        var run = await _run.RunOnFakeTimeAsync("altstore");

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Outputs["adp-id"].Should().Be(_adpId);
        run.Outputs["adp-manifest-url"].Should().Be(AssetUrl("manifest.json"));
        var assets = _github.Assets(Repository, Tag).ToDictionary(a => a.Name);
        assets.Keys.Should().BeEquivalentTo(_package.Files.Keys.Select(k => k.Split('/')[^1]), "a release is one flat folder");
        foreach (var (path, bytes) in _package.Files)
            _github.AssetBytes(assets[path.Split('/')[^1]]).Should().Equal(bytes, $"{path} is hosted byte for byte");

        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_run.Workspace, "source.json")))!["apps"]![0]!["versions"]![0]!;
        entry["version"]!.GetValue<string>().Should().Be("2.5.0");
        entry["buildVersion"]!.GetValue<string>().Should().Be("431");
        entry["downloadURL"]!.GetValue<string>().Should().Be(AssetUrl("manifest.json"));
        entry["size"]!.GetValue<long>().Should().Be(_package.FirstVariantSize);
        var assetUrls = entry["assetURLs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        assetUrls.Should().BeEquivalentTo(_package.Files.Keys.ToDictionary(
            k => Path.GetFileNameWithoutExtension(k.Split('/')[^1]), k => AssetUrl(k.Split('/')[^1])),
            "every file of the ADP is keyed by its name without extension");
        _altstore.FederatedSources.Should().Equal(SourceUrl);
        run.Summary.Should().Contain("manifest.json");
        run.Everything.Should().NotContain(Token);

        var source = File.ReadAllBytes(Path.Combine(_run.Workspace, "source.json"));
        var uploads = _github.Journal.CountOf("POST", "/uploads");
        var rerun = await _run.RunOnFakeTimeAsync("altstore");

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        File.ReadAllBytes(Path.Combine(_run.Workspace, "source.json")).Should().Equal(source, "the re-run finds its version already there");
        _github.Journal.CountOf("POST", "/uploads")
            .Should().Be(uploads, "assets with the same content are kept, not uploaded again");
        _github.Assets(Repository, Tag).Select(a => a.Id).Should().BeEquivalentTo(assets.Values.Select(a => a.Id));
        _apple.CreatedPackages.Should().BeEmpty("the package App Store Connect had was found, not made again");
        rerun.Outputs["adp-manifest-url"].Should().Be(AssetUrl("manifest.json"));
    }

    /// <summary>Where AltStore could not download the files, none is uploaded and the source keeps pointing where it did.</summary>
    [Theory]
    [InlineData("private repository", "is private")]
    [InlineData("pull request", "pull-request runs leave releases alone")]
    public async Task NowhereToHost_FailsTheRun_UploadsNothing_AndLeavesTheSourceAlone(string situation, string reason)
    {
        if (situation == "private repository") _github.PrivateRepositories.Add(Repository);
        else _run.AsPullRequest(7);
        var before = File.ReadAllBytes(Path.Combine(_run.Workspace, "source.json"));

        var run = await _run.RunOnFakeTimeAsync("altstore");

        run.ExitCode.Should().Be(1, run.Stdout + run.Stderr);
        run.Summary.Should().Contain(reason);
        _github.Journal.CountOf("POST", "/uploads").Should().Be(0);
        File.ReadAllBytes(Path.Combine(_run.Workspace, "source.json")).Should().Equal(before);
        _altstore.FederatedSources.Should().BeEmpty("a source left as it was has nothing new to federate");
    }
}
