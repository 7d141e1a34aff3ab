using CiPublisher.Core;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AltStore.Package;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.IntegrationTests.GitHub;

/// <summary><c>altstore-adp-host: github-release</c> on its own: the GitHub module putting an unpacked ADP on the tag's release.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class GitHubAdpHostTests : IAsyncLifetime
{
    private const string Tag = "v2.5.0";
    private GitHubHarness _harness = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("adp-host-").FullName;

    public async Task InitializeAsync() => _harness = await GitHubHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IAdpHost Host()
    {
        var settings = _harness.Settings(release: false, version: "2.5.0", context: new RunContext
        {
            Platform = "github", Repository = GitHubHarness.Repository, Ref = $"refs/tags/{Tag}", RefName = Tag, IsTag = true, EventName = "push",
        });
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_harness.Logs))
            .AddCiPublisherCore(settings, new SecretRegistry(), _harness.Time)
            .AddModule(new GitHubModule(), settings)
            .BuildServiceProvider();
        return provider.GetRequiredService<IAdpHost>();
    }

    private async Task<UnpackedAdp> UnpackAsync(SampleAdp sample, string name)
    {
        var zip = Path.Combine(_folder, $"{name}.zip");
        await File.WriteAllBytesAsync(zip, sample.Zip);
        return await AdpPackage.UnpackAsync(zip, Path.Combine(_folder, name), CancellationToken.None);
    }

    [Fact]
    public async Task AnotherAppsManifestOnTheRelease_IsKept_AndOursGoesUnderTheBundleId()
    {
        var widget = SampleAdp.Build("org.example.widget", "2.5.0", "431");
        var lumen = SampleAdp.Build("org.example.lumen", "2.5.0", "431");
        var release = _harness.Emulator.SeedRelease(GitHubHarness.Repository, Tag, "notes");
        _harness.Emulator.SeedAsset(release, "manifest.json", widget.Manifest);
        _harness.Emulator.SeedAsset(release, "signature", widget.Signature);

        var hosted = await Host().HostAsync(await UnpackAsync(lumen, "lumen"), "2.5.0", CancellationToken.None);

        hosted.Failure.Should().BeNull();
        var assets = _harness.Emulator.Assets(GitHubHarness.Repository, Tag).ToDictionary(a => a.Name);
        _harness.Emulator.AssetBytes(assets["manifest.json"]).Should().Equal(widget.Manifest, "the other app's manifest is not ours to replace");
        _harness.Emulator.AssetBytes(assets["signature"]).Should().Equal(widget.Signature);
        _harness.Emulator.AssetBytes(assets["org.example.lumen-manifest.json"]).Should().Equal(lumen.Manifest);
        _harness.Emulator.AssetBytes(assets["org.example.lumen-signature"]).Should().Equal(lumen.Signature);
        hosted.Urls!["manifest.json"].Should().EndWith($"/releases/download/{Tag}/org.example.lumen-manifest.json");
    }

    [Fact]
    public async Task ARenewedPackageOfTheSameApp_ReplacesItsManifest_AndHostingAgainUploadsNothing()
    {
        var lumen = SampleAdp.Build("org.example.lumen", "2.5.0", "431");
        var release = _harness.Emulator.SeedRelease(GitHubHarness.Repository, Tag, "notes");
        var stale = SampleAdp.Build("org.example.lumen", "2.5.0", "431", minimumIos: "17.0");
        _harness.Emulator.SeedAsset(release, "manifest.json", stale.Manifest);

        var first = await Host().HostAsync(await UnpackAsync(lumen, "first"), "2.5.0", CancellationToken.None);
        var uploads = _harness.Emulator.Journal.CountOf("POST", "/uploads");
        var again = await Host().HostAsync(await UnpackAsync(lumen, "again"), "2.5.0", CancellationToken.None);

        first.Failure.Should().BeNull();
        var assets = _harness.Emulator.Assets(GitHubHarness.Repository, Tag).ToDictionary(a => a.Name);
        _harness.Emulator.AssetBytes(assets["manifest.json"]).Should().Equal(lumen.Manifest, "the same app's newer package replaces its own");
        assets.Keys.Should().NotContain(k => k.StartsWith("org.example.lumen-", StringComparison.Ordinal));
        again.Items.Should().OnlyContain(i => i.Outcome == Outcome.AlreadyDone);
        _harness.Emulator.Journal.CountOf("POST", "/uploads").Should().Be(uploads);
        again.Urls.Should().BeEquivalentTo(first.Urls);
    }
}
