using System.Security.Cryptography;
using System.Text.Json;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Fenfa;

/// <summary>The real program, run as GitHub runs it, publishing to the Fenfa emulator.</summary>
public sealed class FenfaPublishTests : IAsyncLifetime
{
    private const string AdminToken = "adm-9f8e7d6c5b4a-canary";
    private const string UploadToken = "upl-1a2b3c4d5e6f-canary";

    private readonly FenfaEmulator _fenfa = new() { AdminToken = AdminToken, UploadToken = UploadToken };
    private readonly GitHubActionRun _run = new();
    private byte[] _ipa = [];
    private byte[] _apk = [];

    public async Task InitializeAsync()
    {
        await _fenfa.StartAsync();
        _ipa = SampleArtifacts.Ipa(paddingBytes: 3 * 1024 * 1024);
        _apk = SampleArtifacts.Apk();
        _run.AddFile("build/Lumen.ipa", _ipa);
        _run.AddFile("build/app-release.apk", _apk);
        _run.Input("artifacts", "build/*.ipa\nbuild/*.apk")
            .Input("fenfa-url", _fenfa.BaseUrl.ToString())
            .Input("fenfa-token", AdminToken)
            .Input("fenfa-product", "lumen")
            .Input("release-notes", "Fixes the login screen")
            .Input("channel", "beta");
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _fenfa.DisposeAsync();
    }

    [Fact]
    public async Task FirstPublish_CreatesProductVariantsAndReleases_WithTheRightFieldsAndBytes()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Products.Should().ContainSingle().Which.Should().Match<global::CiPublisher.Emulators.Fenfa.FenfaProduct>(p => p.Slug == "lumen" && p.Name == "Lumen");
        _fenfa.Variants.Select(v => (v.Platform, v.Identifier)).Should().BeEquivalentTo(new[] { ("ios", "com.example.lumen"), ("android", "com.example.lumen") });
        _fenfa.Releases.Should().HaveCount(2);

        var ios = _fenfa.Releases.Single(r => r.FileExt == ".ipa");
        ios.Version.Should().Be("2.4.1");
        ios.Build.Should().Be(418);
        ios.Channel.Should().Be("beta");
        ios.Changelog.Should().Be("Fixes the login screen");
        ios.MinOs.Should().Be("iOS 15.0");
        ios.ClientFileName.Should().Be("Lumen.ipa");
        ios.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(_ipa)));
        _fenfa.Releases.Single(r => r.FileExt == ".apk").MinOs.Should().Be("Android 24");

        run.Outputs["release-id"].Should().Be(ios.Id);
        run.Outputs["install-url"].Should().StartWith("itms-services://");
        run.Outputs["download-url"].Should().EndWith($"/d/{ios.Id}");
        run.Outputs["page-url"].Should().Contain("/products/lumen");
        JsonDocument.Parse(run.Outputs["releases"]).RootElement.GetArrayLength().Should().Be(2);
        var result = JsonDocument.Parse(run.Outputs["result"]).RootElement;
        result.GetProperty("targets")[0].GetProperty("outcome").GetString().Should().Be("succeeded");

        run.Summary.Should().Contain("Lumen").And.Contain("2.4.1").And.Contain(ios.Sha256[..12]).And.Contain("Published");
    }

    [Fact]
    public async Task EveryBody_GoesOutWithAContentLength_ThoughTheServerWouldTakeChunkedOnes()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        var withBodies = _fenfa.Journal.Entries.Where(e => e.Method is "POST" or "PUT" or "PATCH").ToList();
        withBodies.Should().Contain(e => e.Path == "/upload").And.Contain(e => e.Path.StartsWith("/admin/api/", StringComparison.Ordinal));
        withBodies.Should().OnlyContain(e => e.Headers.ContainsKey("Content-Length") && !e.Headers.ContainsKey("Transfer-Encoding"),
            "proxies in front of Fenfa may refuse chunked bodies");
    }

    [Fact]
    public async Task ApiCalls_CountsEveryRequestTheServerReceived()
    {
        _fenfa.Faults.Add(Fault.Status("GET", "/admin/api/products", 503));

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        var fenfa = JsonDocument.Parse(run.Outputs["result"]).RootElement.GetProperty("targets")[0];
        fenfa.GetProperty("figures").GetProperty("api-calls").GetString().Should().Be(
            _fenfa.Journal.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "the retried listing counts twice, as it reached the server twice");
    }

    [Fact]
    public async Task ReRun_CreatesNothingNew_AndSaysAlreadyPublished()
    {
        (await _run.RunAsync()).ExitCode.Should().Be(0);
        var uploadsBefore = _fenfa.Journal.CountOf("POST", "/upload");

        var rerun = await _run.RunAsync();

        rerun.ExitCode.Should().Be(0, rerun.Stderr + rerun.Stdout);
        _fenfa.Products.Should().HaveCount(1);
        _fenfa.Variants.Should().HaveCount(2);
        _fenfa.Releases.Should().HaveCount(2);
        (_fenfa.Journal.CountOf("POST", "/upload") - uploadsBefore).Should().Be(1, "only the empty-form preflight is sent again");
        rerun.Summary.Should().Contain("already published");
        rerun.Outputs["release-id"].Should().Be(_fenfa.Releases.Single(r => r.FileExt == ".ipa").Id);
    }

    [Fact]
    public async Task ServiceUnavailableDuringUpload_IsRetried_AndEndsWithExactlyOneRelease()
    {
        _run.Input("artifacts", "build/*.ipa");
        _fenfa.Faults.Add(Fault.Status("POST", "/upload", 503, """{"ok":false,"error":{"code":"IO","message":"disk busy"}}""").After(1));

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Releases.Should().ContainSingle();
        _fenfa.Faults.PendingCount.Should().Be(0, "the fault struck the real upload, not the preflight");
    }

    [Theory]
    [InlineData(FaultKind.DropAfterHandler)]
    [InlineData(FaultKind.DropDuringBody)]
    [InlineData(FaultKind.DropBeforeBody)]
    public async Task DroppedConnectionDuringUpload_EndsWithExactlyOneRelease(FaultKind kind)
    {
        _run.Input("artifacts", "build/*.ipa");
        _fenfa.Faults.Add(Fault.Drop(kind, "POST", "/upload").After(1));

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Releases.Should().ContainSingle().Which.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(_ipa)));
        run.Stdout.Should().Contain("checking whether it landed");
    }

    [Fact]
    public async Task RefusedToken_ExitsOne_QuotingFenfa_WithoutPrintingTheToken()
    {
        const string wrongToken = "wrong-7c1d2e3f4a5b-canary";
        _run.Input("fenfa-token", wrongToken);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("FORBIDDEN").And.Contain("invalid token");
        run.Everything.Should().NotContain(wrongToken);
        run.Masked.Should().Contain(wrongToken);
        run.Stdout.Should().StartWith("::add-mask::", "secrets are masked before anything else is printed");
        _fenfa.Releases.Should().BeEmpty();
        _fenfa.Journal.CountOf("POST", "/upload").Should().Be(1, "only the preflight reached the server");
    }

    [Fact]
    public async Task UploadTokenWithVariantId_Uploads_AndCannotCheckDuplicatesWithoutAPublicProduct()
    {
        var product = _fenfa.SeedProduct("Lumen", "lumen");
        var variant = _fenfa.SeedVariant(product.Id, "ios", "com.example.lumen");
        _run.Input("fenfa-token", UploadToken).Input("fenfa-product", "").Input("fenfa-variant-id", variant.Id).Input("artifacts", "build/*.ipa");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.ReleasesOf(variant.Id).Should().ContainSingle();
        run.Everything.Should().NotContain(UploadToken);
    }

    [Fact]
    public async Task UploadTokenWithVariantAndPublishedProduct_SkipsWhatThePublicListingShows()
    {
        var product = _fenfa.SeedProduct("Lumen", "lumen");
        var variant = _fenfa.SeedVariant(product.Id, "ios", "com.example.lumen");
        _fenfa.SeedRelease(variant.Id, "2.4.1", 418);
        _run.Input("fenfa-token", UploadToken).Input("fenfa-variant-id", variant.Id).Input("artifacts", "build/*.ipa");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.ReleasesOf(variant.Id).Should().ContainSingle("the seeded release already holds 2.4.1 (418)");
        run.Summary.Should().Contain("already published");
    }

    [Fact]
    public async Task ProductWithAnUploadToken_FailsExplainingWhichTokenIsNeeded()
    {
        _run.Input("fenfa-token", UploadToken);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(1);
        run.Summary.Should().Contain("admin token").And.Contain("fenfa-variant-id");
        _fenfa.Products.Should().BeEmpty();
    }

    [Fact]
    public async Task UnpublishedProduct_IsPublished()
    {
        _fenfa.SeedProduct("Lumen", "lumen", published: false);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Products.Should().ContainSingle().Which.Published.Should().BeTrue();
    }

    [Fact]
    public async Task NonIntegerBuild_IsSentAsZero_WithAWarningThatSaysWhy()
    {
        _run.Input("artifacts", "build/*.ipa").Input("build-number", "1.2.3");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Releases.Should().ContainSingle().Which.Build.Should().Be(0);
        run.Stdout.Should().Contain("::warning").And.Contain("not an integer");
    }

    [Fact]
    public async Task MatrixJobsPublishingAtOnce_SettleOnOneProductAndOneVariantPerPlatform()
    {
        using var second = new GitHubActionRun();
        second.AddFile("build/Lumen.ipa", _ipa);
        foreach (var (name, value) in _run.Environment.Where(e => e.Key.StartsWith("INPUT_", StringComparison.Ordinal)))
            second.Environment[name] = value;
        second.Input("artifacts", "build/*.ipa");
        _run.Input("artifacts", "build/*.ipa");

        var runs = await Task.WhenAll(_run.RunAsync(), second.RunAsync());

        runs.Should().OnlyContain(r => r.ExitCode == 0);
        _fenfa.Products.Should().ContainSingle();
        _fenfa.Variants.Should().ContainSingle();
    }

    [Fact]
    public async Task DryRun_SendsNothing_AndPrintsThePlan()
    {
        _run.Input("dry-run", "true");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _fenfa.Journal.Count.Should().Be(0);
        run.Summary.Should().Contain("would upload 2.4.1 (418)");
    }

    [Fact]
    public async Task ProxyHtmlOnUpload_FailsWithTheStatus_WhenRetriesRunOut()
    {
        _run.Input("artifacts", "build/*.ipa").Input("retry-max-attempts", "1");
        _fenfa.Faults.Add(Fault.Html("POST", "/upload", 502).After(1));
        _fenfa.Faults.Add(Fault.Html("POST", "/upload", 502));

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(1);
        run.Summary.Should().Contain("HTTP 502").And.Contain("HTML");
        _fenfa.Releases.Should().BeEmpty();
    }
}
