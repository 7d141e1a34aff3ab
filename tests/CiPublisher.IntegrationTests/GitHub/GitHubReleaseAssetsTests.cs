using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;
using CiPublisher.TestSupport;

namespace CiPublisher.IntegrationTests.GitHub;

/// <summary>The real program uploading a build's files as assets of the tag's release, against the GitHub emulator.</summary>
public sealed class GitHubReleaseAssetsTests : IAsyncLifetime
{
    private const string Token = "ghs_AssetsCanary5Tq8Wn2Lx7Vb4Kz";
    private const string Repository = "octo-org/lumen";
    private const string Tag = "v2.4.1";

    private readonly GitHubEmulator _github = new(Token);
    private readonly GitHubActionRun _run = new();
    private byte[] _ipa = [];
    private byte[] _apk = [];

    public async Task InitializeAsync()
    {
        await _github.StartAsync();
        _github.AddRepository(Repository);
        _ipa = SampleArtifacts.Ipa(paddingBytes: 2 * 1024 * 1024);
        _apk = SampleArtifacts.Apk();
        _run.AddFile("build/Lumen.ipa", _ipa);
        _run.AddFile("build/app-release.apk", _apk);
        _run.Input("artifacts", "build/*.ipa\nbuild/*.apk")
            .Input("github-token", Token)
            .Input("github-api-url", _github.BaseUrl.ToString())
            .Input("github-release-assets", "true");
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _github.DisposeAsync();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The release's files: the artifacts and SHA256SUMS, without the QR codes the summary shows.</summary>
    private Dictionary<string, EmulatedAsset> AssetsByName() => Files(Tag).ToDictionary(a => a.Name);

    private List<EmulatedAsset> Files(string tag) =>
        [.. _github.Assets(Repository, tag).Where(a => !a.Name.StartsWith("qr-", StringComparison.Ordinal))];

    [Fact]
    public async Task EachArtifact_BecomesAnAsset_OfTheReleaseItCreates_WithSha256Sums()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        _github.Releases(Repository).Should().ContainSingle(r => r.TagName == Tag && !r.Draft);
        var assets = AssetsByName();
        assets.Keys.Should().BeEquivalentTo("Lumen.ipa", "app-release.apk", "SHA256SUMS");
        _github.AssetBytes(assets["Lumen.ipa"]).Should().Equal(_ipa);
        _github.AssetBytes(assets["app-release.apk"]).Should().Equal(_apk);
        assets["app-release.apk"].ContentType.Should().Be("application/vnd.android.package-archive");
        Encoding.UTF8.GetString(_github.AssetBytes(assets["SHA256SUMS"])).Should().Be(
            $"{Sha256(_ipa)}  Lumen.ipa\n{Sha256(_apk)}  app-release.apk\n");

        var listed = JsonDocument.Parse(run.Outputs["release-assets"]).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e);
        listed["Lumen.ipa"].GetProperty("sha256").GetString().Should().Be(Sha256(_ipa));
        listed["Lumen.ipa"].GetProperty("size").GetString().Should().Be(_ipa.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        listed["Lumen.ipa"].GetProperty("url").GetString().Should().EndWith($"/releases/download/{Tag}/Lumen.ipa");
        run.Everything.Should().NotContain(Token);
    }

    [Fact]
    public async Task TheSummary_ShowsAQrCodePerArtifact_ThatScansToItsDownload()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var all = _github.Assets(Repository, Tag).ToDictionary(a => a.Name);
        var ipaLink = JsonDocument.Parse(run.Outputs["release-assets"]).RootElement.EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "Lumen.ipa").GetProperty("url").GetString()!;
        QrDecoder.Decode(_github.AssetBytes(all["qr-Lumen.ipa.png"])).Should().Be(ipaLink);
        run.Summary.Should().Contain("### 📲 Install").And.Contain($"![QR code]({_github.BaseUrl}{Repository}/releases/download/{Tag}/qr-Lumen.ipa.png)");
    }

    /// <summary>
    /// The job summary as GitHub shows it: its Markdown rendered (tables, sanitizer, column width) in a real browser, which
    /// fetches the QR image from its release URL; a real decoder reads the code from the screenshot, as a phone would.
    /// </summary>
    [ChromiumFact]
    public async Task TheRenderedSummary_ShowsAQrCode_ThatAPhoneScansToTheDownload()
    {
        var run = await _run.RunAsync();
        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var page = Path.Combine(_run.Workspace, "summary.html");
        await File.WriteAllTextAsync(page, GitHubMarkdownPage.Html(run.Summary));

        var screenshot = await HeadlessChromium.ScreenshotAsync(page, GitHubMarkdownPage.Width, 900, CancellationToken.None);

        var links = JsonDocument.Parse(run.Outputs["release-assets"]).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("name").GetString() is "Lumen.ipa" or "app-release.apk").Select(e => e.GetProperty("url").GetString()).ToList();
        QrDecoder.DecodeAll(screenshot).Should().BeEquivalentTo(links, "each artifact's code, as shown on the page, scans to its download");
    }

    [Fact]
    public async Task TheReleaseSection_ShowsTheSameInstallTable_WithTheQrCodes()
    {
        _run.Input("github-release", "true");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var body = _github.Releases(Repository).Single(r => r.TagName == Tag).Body;
        var qr = $"![QR code]({_github.BaseUrl}{Repository}/releases/download/{Tag}/qr-Lumen.ipa.png)";
        body.Should().Contain("📲 install").And.Contain(qr).And.Contain($"[download (GitHub release assets)]({_github.BaseUrl}{Repository}/releases/download/{Tag}/Lumen.ipa)");
        var summaryRow = run.Summary.Split('\n').Single(l => l.Contains(qr, StringComparison.Ordinal));
        body.Should().Contain(summaryRow, "the release shows the job summary's row");
    }

    [Fact]
    public async Task InAPrivateRepository_NoQrCodeIsUploaded_AndTheSummaryKeepsLinks()
    {
        _github.PrivateRepositories.Add(Repository);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        _github.Assets(Repository, Tag).Should().NotContain(a => a.Name.StartsWith("qr-", StringComparison.Ordinal));
        run.Summary.Should().Contain("### 📲 Install").And.NotContain("![QR code]").And.Contain("private repository");
    }

    [Fact]
    public async Task ARerun_UploadsNothing_AndKeepsEveryAsset()
    {
        (await _run.RunAsync()).ExitCode.Should().Be(0);
        var before = AssetsByName();
        var uploads = _github.Journal.CountOf("POST", "/uploads/");

        var rerun = await _run.RunAsync();

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        _github.Journal.CountOf("POST", "/uploads/").Should().Be(uploads);
        AssetsByName().Values.Select(a => a.Id).Should().BeEquivalentTo(before.Values.Select(a => a.Id));
        JsonDocument.Parse(rerun.Outputs["result"]).RootElement.GetProperty("targets")[0].GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("outcome").GetString()).Should().OnlyContain(o => o == "already-done");
    }

    [Fact]
    public async Task ADifferentFileOfTheSameName_IsReplaced_AndTheChecksumsFollow()
    {
        var release = _github.SeedRelease(Repository, Tag, "Notes.");
        _github.SeedAsset(release, "Lumen.ipa", [.. "an older build"u8]);
        var handMade = _github.SeedAsset(release, "README.txt", [.. "read me"u8]);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var assets = AssetsByName();
        assets.Keys.Should().BeEquivalentTo("Lumen.ipa", "app-release.apk", "README.txt", "SHA256SUMS");
        _github.AssetBytes(assets["Lumen.ipa"]).Should().Equal(_ipa);
        assets["README.txt"].Id.Should().Be(handMade.Id, "assets the run did not mean to replace stay");
        Encoding.UTF8.GetString(_github.AssetBytes(assets["SHA256SUMS"])).Should().Contain($"{Sha256(_ipa)}  Lumen.ipa")
            .And.Contain($"{Sha256([.. "read me"u8])}  README.txt");
    }

    [Fact]
    public async Task OnAServerWithoutDigests_TheSameFileIsRecognisedBySizeAndTheChecksumsFile()
    {
        var release = _github.SeedRelease(Repository, Tag, null);
        _github.SeedAsset(release, "Lumen.ipa", _ipa, digest: false);
        _github.SeedAsset(release, "SHA256SUMS", Encoding.UTF8.GetBytes($"{Sha256(_ipa)}  Lumen.ipa\n"), digest: false);

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        _github.Journal.Entries.Where(e => e.Method == "POST" && e.Path.StartsWith("/uploads/", StringComparison.Ordinal))
            .Select(e => e.Query).Should().NotContain(q => q.Contains("name=Lumen.ipa"));
    }

    [Theory]
    [InlineData(FaultKind.DropAfterHandler)]
    [InlineData(FaultKind.DropDuringBody)]
    public async Task AConnectionDroppedDuringTheUpload_EndsWithExactlyOneAsset(FaultKind fault)
    {
        _github.Faults.Add(new Fault { Kind = fault, Method = "POST", Path = "/uploads/*" });

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var assets = Files(Tag);
        assets.Should().OnlyHaveUniqueItems(a => a.Name).And.OnlyContain(a => a.State == "uploaded");
        assets.Select(a => a.Name).Should().BeEquivalentTo("Lumen.ipa", "app-release.apk", "SHA256SUMS");
        _github.AssetBytes(assets.Single(a => a.Name == "Lumen.ipa")).Should().Equal(_ipa);
    }

    [Fact]
    public async Task AChecksumsFileReplacedBetweenItsListingAndItsReading_IsListedAndReadAgain()
    {
        (await _run.RunAsync()).ExitCode.Should().Be(0);
        var written = _github.AssetBytes(AssetsByName()["SHA256SUMS"]);
        // What another matrix job's replacement looks like from here: the listed asset is gone when this job reads it.
        _github.Faults.Add(Fault.Status("GET", "/repos/octo-org/lumen/releases/assets/*", 404, """{"message":"Not Found"}"""));

        var rerun = await _run.RunAsync();

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        _github.Faults.PendingCount.Should().Be(0, "the read met the replacement");
        _github.AssetBytes(AssetsByName()["SHA256SUMS"]).Should().Equal(written);
    }

    [Fact]
    public async Task MatrixJobs_UploadingAtOnce_EndWithOneSha256SumsListingEveryFile()
    {
        for (var round = 0; round < 3; round++)
        {
            var tag = $"v3.{round}.0";
            using var android = new GitHubActionRun();
            android.AddFile("build/app-release.apk", _apk);
            foreach (var (name, value) in _run.Environment.Where(e => e.Key.StartsWith("INPUT_", StringComparison.Ordinal)))
                android.Environment[name] = value;
            android.Input("artifacts", "build/*.apk");
            foreach (var job in new[] { _run, android })
            {
                job.Environment["GITHUB_REF"] = $"refs/tags/{tag}";
                job.Environment["GITHUB_REF_NAME"] = tag;
            }
            _run.Input("artifacts", "build/*.ipa");

            var runs = await Task.WhenAll(_run.RunAsync(), android.RunAsync());

            runs.Should().OnlyContain(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.Stdout + r.Stderr)));
            var assets = Files(tag);
            assets.Select(a => a.Name).Should().BeEquivalentTo(["Lumen.ipa", "app-release.apk", "SHA256SUMS"], $"round {round}");
            Encoding.UTF8.GetString(_github.AssetBytes(assets.Single(a => a.Name == "SHA256SUMS"))).Should().Be(
                $"{Sha256(_ipa)}  Lumen.ipa\n{Sha256(_apk)}  app-release.apk\n", $"round {round}");
            _github.Releases(Repository).Count(r => r.TagName == tag).Should().Be(1);
        }
    }
}
