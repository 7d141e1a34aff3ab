using System.Security.Cryptography;
using System.Text;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>
/// The complete publish, every target on, every secret a unique canary, every target forced down its error path
/// (some services even echo the secret back in their error): no canary, nor its base64, nor any line of the PEM key
/// may reach the log, the outputs, the summary or any file the run wrote; and each was masked before anything else.
/// </summary>
public sealed class SecretCanaryTests : IAsyncLifetime
{
    private static readonly string Tag = Guid.NewGuid().ToString("N")[..10];
    private static readonly string FenfaToken = $"cnry-fenfa-{Tag}";
    private static readonly string AptoideToken = $"cnry-aptoide-token-{Tag}";
    private static readonly string AptoidePassword = $"cnry-aptoide-pass-{Tag}";
    private static readonly string GitHubToken = $"ghs_cnry{Tag}GitHub";

    private readonly ECDsa _appleKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FenfaEmulator _fenfa = new() { AdminToken = "the-real-fenfa-admin-token" };
    private readonly AptoideEmulator _aptoide = new();
    private readonly GitHubEmulator _github = new("the-real-github-token");
    private readonly AltStoreEmulator _altstore = new();
    private readonly AppStoreConnectEmulator _apple = new(ECDsa.Create(ECCurve.NamedCurves.nistP256), "2X9R4HXF34", "69a6de70-03db-47e3-e053-5b8c7c11a4d1");
    private readonly GitHubActionRun _run = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("cipublisher-canary-tmp-").FullName;

    private string Pem => _appleKey.ExportPkcs8PrivateKeyPem();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_fenfa.StartAsync(), _aptoide.StartAsync(), _github.StartAsync(), _altstore.StartAsync(), _apple.StartAsync());
        _aptoide.AddAccount("lumen", "the-real-password", "lumenstore");
        _github.AddRepository("octo-org/lumen");
        // Services that quote what they were sent: the program must still not repeat it.
        _fenfa.Faults.Add(Fault.Status("POST", "/upload", 401, $$$"""{"ok":false,"error":{"code":"UNAUTHORIZED","message":"token {{{FenfaToken}}} is unknown"}}"""));
        _aptoide.Faults.Add(Fault.Status("POST", "/webservices/3/oauth2Authentication", 400,
            $$"""{"error":"invalid_grant","error_description":"bad password {{AptoidePassword}} for lumen"}"""));
        _altstore.Faults.Add(Fault.Status("POST", "/adps", 500, """{"error":"processing queue down"}"""), 5);

        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        _run.Environment["TMPDIR"] = _temp;
        _run.Input("artifacts", "build/*.ipa\nbuild/*.apk").Input("retry-max-attempts", "1")
            .Input("fenfa-url", _fenfa.BaseUrl.ToString()).Input("fenfa-token", FenfaToken).Input("fenfa-product", "lumen")
            .Input("apple-key-id", "2X9R4HXF34").Input("apple-issuer-id", "69a6de70-03db-47e3-e053-5b8c7c11a4d1")
            .Input("apple-private-key", Pem).Input("apple-api-url", _apple.BaseUrl.ToString())
            .Input("apple-devices", "00008110-000A1B2C3D4E5F60\tQA iPhone\tIOS")
            .Input("altstore-adp-id", "3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11").Input("altstore-api-url", _altstore.BaseUrl.ToString())
            .Input("altstore-wait", "false")
            .Input("aptoide-repo", "lumenstore").Input("aptoide-token", AptoideToken).Input("aptoide-username", "lumen")
            .Input("aptoide-password", AptoidePassword).Input("aptoide-api-url", _aptoide.ApiUrl.ToString())
            .Input("github-release", "true").Input("github-token", GitHubToken).Input("github-api-url", _github.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        Directory.Delete(_temp, recursive: true);
        await Task.WhenAll(_fenfa.DisposeAsync().AsTask(), _aptoide.DisposeAsync().AsTask(), _github.DisposeAsync().AsTask(),
            _altstore.DisposeAsync().AsTask(), _apple.DisposeAsync().AsTask());
    }

    private IReadOnlyList<string> Canaries =>
    [
        FenfaToken, AptoideToken, AptoidePassword, GitHubToken, Pem.Trim(),
        .. Pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    ];

    [Fact]
    public async Task EveryTargetFailing_LeaksNoCanaryAnywhere_AndMasksEachBeforeFirstUse()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(1, "every target failed");
        var result = System.Text.Json.JsonDocument.Parse(run.Outputs["result"]).RootElement;
        result.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("outcome").GetString())
            .Should().HaveCount(5).And.OnlyContain(o => o == "failed", "each target went down its error path");

        var written = FilesTheRunWrote();
        foreach (var canary in Canaries)
        {
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(canary));
            run.Everything.Should().NotContain(canary).And.NotContain(base64);
            foreach (var (path, text) in written) text.Should().NotContain(canary, path).And.NotContain(base64, path);
            // The runner receives a multi-line secret with escaped newlines; its lines are masked one by one as well.
            if (!canary.Contains('\n')) run.Masked.Should().Contain(canary, "every secret line is masked");
        }

        var firstShown = Array.FindIndex(run.Stdout.Split('\n'), l => !l.StartsWith("::add-mask::", StringComparison.Ordinal));
        run.Stdout.Split('\n').Skip(firstShown).Should().NotContain(l => Canaries.Any(c => l == "::add-mask::" + c),
            "every secret is masked before the first line that could use it");
        run.Stderr.Should().NotContain("::add-mask::");
    }

    /// <summary>Every file in the workspace, the runner's files folder and TMPDIR but the artifacts the test put there.</summary>
    private List<(string Path, string Text)> FilesTheRunWrote()
    {
        var runnerFiles = Path.GetDirectoryName(_run.Environment["GITHUB_OUTPUT"])!;
        return [.. new[] { _run.Workspace, runnerFiles, _temp }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(path => !path.StartsWith(Path.Combine(_run.Workspace, "build"), StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(path)))];
    }
}
