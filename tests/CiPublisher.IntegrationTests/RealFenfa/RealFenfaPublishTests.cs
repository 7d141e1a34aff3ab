using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.RealFenfa;

/// <summary>
/// The real program, run as GitHub runs it, against the real Fenfa server. The tests of this class share one server
/// (xUnit runs them one after another); each uses a product of its own.
/// </summary>
public sealed class RealFenfaPublishTests(RealFenfaServer fenfa) : IClassFixture<RealFenfaServer>, IDisposable
{
    private readonly GitHubActionRun _run = new();

    public void Dispose() => _run.Dispose();

    private GitHubActionRun Job(string slug, string artifacts, string token = RealFenfaServer.AdminToken) =>
        _run.Input("artifacts", artifacts)
            .Input("fenfa-url", fenfa.Url.ToString())
            .Input("fenfa-token", token)
            .Input("fenfa-product", slug)
            .Input("release-notes", "Fixes the login screen");

    /// <summary>Six files of 2.4.1 (418): an IPA, two ABI-split APKs, two same-sized DMGs and a zip.</summary>
    private Dictionary<string, byte[]> AddMultiFileRelease()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["Lumen.ipa"] = SampleArtifacts.Ipa(),
            ["app-arm64-v8a-release.apk"] = SampleArtifacts.Apk(abis: "arm64-v8a"),
            ["app-x86_64-release.apk"] = SampleArtifacts.Apk(abis: "x86_64"),
            ["Lumen-2.4.1-arm64.dmg"] = SampleArtifacts.Desktop(seed: 1),
            ["Lumen-2.4.1-x64.dmg"] = SampleArtifacts.Desktop(seed: 2),
            ["Lumen-2.4.1.zip"] = SampleArtifacts.DesktopZip(seed: 3),
        };
        foreach (var (name, bytes) in files) _run.AddFile($"build/{name}", bytes);
        return files;
    }

    [RealFenfaFact]
    public async Task MultiFileVersion_EveryFileIsAReleaseOfItsOwn_AndAReRunSaysTheSameLinks()
    {
        await fenfa.SetDomainsAsync("https://dist.example.com", "https://cdn.example.com");
        var files = AddMultiFileRelease();
        Job("lumen-multi", "build/*.ipa\nbuild/*.apk\nbuild/*.dmg\nbuild/*.zip");

        var first = await _run.RunAsync();

        first.ExitCode.Should().Be(0, first.Stdout + first.Stderr);
        var product = (await fenfa.ProductsAsync()).Single(p => p.GetProperty("product").GetProperty("slug").GetString() == "lumen-multi");
        var variants = product.GetProperty("variants").EnumerateArray().ToList();
        variants.Should().HaveCount(6, "one variant per kind of file");
        variants.Select(v => v.GetProperty("arch").GetString()).Should().BeEquivalentTo("", "arm64-v8a", "x86_64", "arm64", "x64", "");
        var releases = variants.SelectMany(v => v.GetProperty("releases").EnumerateArray()).ToList();
        releases.Should().HaveCount(6);

        var entries = JsonNode.Parse(first.Outputs["releases"])!.AsArray();
        foreach (var (name, bytes) in files)
        {
            var entry = entries.Single(e => e!["artifact"]!.GetValue<string>() == name)!;
            var releaseId = entry["release-id"]!.GetValue<string>();
            (await fenfa.DownloadedSha256Async(releaseId)).Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{name} is its own release with its own bytes");
            entry["download-url"]!.GetValue<string>().Should().Be($"https://cdn.example.com/d/{releaseId}", "download links are on the first secondary domain");
        }
        first.Outputs["page-url"].Should().StartWith("https://dist.example.com/products/lumen-multi?r=");
        first.Outputs["install-url"].Should().StartWith("itms-services://?action=download-manifest&url=https%3A%2F%2Fdist.example.com%2Fios%2F");

        var second = await _run.RunAsync();

        second.ExitCode.Should().Be(0, second.Stdout + second.Stderr);
        (await fenfa.ProductsAsync()).Single(p => p.GetProperty("product").GetProperty("slug").GetString() == "lumen-multi")
            .GetProperty("variants").EnumerateArray().SelectMany(v => v.GetProperty("releases").EnumerateArray()).Should().HaveCount(6, "nothing is published twice");
        second.Summary.Should().Contain("already published");
        foreach (var name in new[] { "release-id", "download-url", "page-url", "install-url" })
            second.Outputs[name].Should().Be(first.Outputs[name], $"{name} comes from the server both times");
        WithoutOutcome(second.Outputs["releases"]).Should().Be(WithoutOutcome(first.Outputs["releases"]),
            "every entry but what this run did (uploaded, or found already there) is the same");
    }

    [RealFenfaFact]
    public async Task RebuiltFile_OfAVersionAlreadyThere_IsUploaded_NotTakenForTheOldOne()
    {
        await fenfa.SetDomainsAsync(fenfa.Url.ToString().TrimEnd('/'));
        _run.AddFile("build/Lumen-2.4.1-arm64.dmg", SampleArtifacts.Desktop(seed: 10));
        Job("lumen-rebuilt", "build/*.dmg");
        (await _run.RunAsync()).ExitCode.Should().Be(0);

        var rebuilt = SampleArtifacts.Desktop(seed: 11);
        _run.AddFile("build/Lumen-2.4.1-arm64.dmg", rebuilt);
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("with other bytes");
        var releaseId = run.Outputs["release-id"];
        (await fenfa.DownloadedSha256Async(releaseId)).Should().Be(Convert.ToHexStringLower(SHA256.HashData(rebuilt)));
    }

    [RealFenfaFact]
    public async Task UploadToken_OnAnUnpublishedProduct_WarnsThatItCannotCheck_AndUploads()
    {
        var variantId = await SeedVariantAsync("lumen-private", "ios", "com.example.lumen");
        var productId = (await fenfa.ProductsAsync()).Single(p => p.GetProperty("product").GetProperty("slug").GetString() == "lumen-private")
            .GetProperty("product").GetProperty("id").GetString()!;
        await fenfa.SetPublishedAsync("products", productId, published: false);
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        Job("lumen-private", "build/*.ipa", RealFenfaServer.UploadToken).Input("fenfa-variant-id", variantId);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("is not public").And.Contain("existing releases cannot be checked");
        run.Outputs["release-id"].Should().StartWith("rel_");
        run.Everything.Should().NotContain(RealFenfaServer.UploadToken);
    }

    [RealFenfaFact]
    public async Task UploadToken_OnAPublishedProduct_FindsTheReleaseAgain_WithTheSameLinks()
    {
        await fenfa.SetDomainsAsync("https://dist.example.com", "https://cdn.example.com");
        var variantId = await SeedVariantAsync("lumen-public", "android", "com.example.lumen");
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        Job("lumen-public", "build/*.apk", RealFenfaServer.UploadToken).Input("fenfa-variant-id", variantId);

        var first = await _run.RunAsync();
        var second = await _run.RunAsync();

        first.ExitCode.Should().Be(0, first.Stdout + first.Stderr);
        second.ExitCode.Should().Be(0, second.Stdout + second.Stderr);
        second.Summary.Should().Contain("already published");
        foreach (var name in new[] { "release-id", "download-url", "page-url" })
            second.Outputs[name].Should().Be(first.Outputs[name]);
    }

    [RealFenfaFact]
    public async Task UnpublishedProduct_IsPublishedAgain_ByAnAdminRun()
    {
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        Job("lumen-hidden", "build/*.apk");
        (await _run.RunAsync()).ExitCode.Should().Be(0);
        var product = (await fenfa.ProductsAsync()).Single(p => p.GetProperty("product").GetProperty("slug").GetString() == "lumen-hidden");
        var productId = product.GetProperty("product").GetProperty("id").GetString()!;
        await fenfa.SetPublishedAsync("products", productId, published: false);
        await fenfa.SetPublishedAsync("variants", product.GetProperty("variants")[0].GetProperty("id").GetString()!, published: false);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Summary.Should().Contain("Published product 'lumen-hidden'");
        var shown = await fenfa.GetJsonAsync("/api/products/slug/lumen-hidden");
        shown.GetProperty("variants").GetArrayLength().Should().Be(1, "the variant is public again");
    }

    [RealFenfaFact]
    public async Task MatrixJobs_RacingOnANewProduct_EndWithOneProductAndEveryFile()
    {
        using var android = new GitHubActionRun();
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        android.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        Job("lumen-race", "build/*");
        foreach (var (name, value) in _run.Environment.Where(e => e.Key.StartsWith("INPUT_", StringComparison.Ordinal)))
            android.Environment[name] = value;

        var runs = await Task.WhenAll(_run.RunAsync(), android.RunAsync());

        runs.Should().OnlyContain(r => r.ExitCode == 0);
        var products = (await fenfa.ProductsAsync()).Where(p => p.GetProperty("product").GetProperty("slug").GetString()!.StartsWith("lumen-race", StringComparison.Ordinal)).ToList();
        products.Should().ContainSingle("the job that lost the race deletes its duplicate");
        var variants = products[0].GetProperty("variants").EnumerateArray().ToList();
        variants.Select(v => v.GetProperty("platform").GetString()).Should().BeEquivalentTo("ios", "android");
        variants.Sum(v => v.GetProperty("releases").GetArrayLength()).Should().Be(2);
    }

    private async Task<string> SeedVariantAsync(string slug, string platform, string identifier)
    {
        using var created = await fenfa.Http.PostAsJsonAsync("/admin/api/products", new { name = "Lumen", slug });
        var productId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("product").GetProperty("id").GetString();
        using var variant = await fenfa.Http.PostAsJsonAsync($"/admin/api/products/{productId}/variants",
            new { platform, identifier, installer_type = platform == "ios" ? "ipa" : "apk" });
        return JsonDocument.Parse(await variant.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("variant").GetProperty("id").GetString()!;
    }

    private static string WithoutOutcome(string releases)
    {
        var array = JsonNode.Parse(releases)!.AsArray();
        foreach (var entry in array) entry!.AsObject().Remove("outcome");
        return array.ToJsonString();
    }
}
