using System.Security.Cryptography;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>One call a fault can strike: <see cref="Skip"/> matching requests pass first (a preflight, say).</summary>
public sealed record Call(string Method, string Path, int Skip = 0);

/// <summary>
/// One target set up for the fault matrix: its emulator, the inputs that enable it alone, the idempotent call it reads
/// with, the non-idempotent call that creates something, and how many things exist, to prove no cell duplicates.
/// </summary>
public abstract class MatrixTarget : IAsyncDisposable
{
    public abstract EmulatorHost Emulator { get; }

    /// <summary>An idempotent call of the normal flow, which the resilience pipeline may re-send.</summary>
    public abstract Call Read { get; }

    /// <summary>The non-idempotent call (upload, create): never blindly re-sent, the target checks whether it landed.</summary>
    public abstract Call Create { get; }

    /// <summary>What the run created on the service: 1 after a success, never more.</summary>
    public abstract int Created { get; }

    public abstract Task StartAsync(GitHubActionRun run);

    /// <summary>
    /// Cells this target does not pass yet (see docs/RELIABILITY.md): the behaviour observed, pinned by its exit code so
    /// a fix shows up as a failing cell to move out of this list. Every gap must still create no duplicate.
    /// </summary>
    public virtual IReadOnlyDictionary<string, int> Gaps { get; } = new Dictionary<string, int>();

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class FenfaMatrixTarget : MatrixTarget
{
    private readonly FenfaEmulator _fenfa = new() { AdminToken = "matrix-fenfa-admin" };
    public override EmulatorHost Emulator => _fenfa;
    public override Call Read => new("GET", "/admin/api/products");
    public override Call Create => new("POST", "/upload", Skip: 1); // the first POST is the empty-form preflight
    public override int Created => _fenfa.Releases.Count;

    public override async Task StartAsync(GitHubActionRun run)
    {
        await _fenfa.StartAsync();
        run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa(paddingBytes: 512 * 1024));
        run.Input("artifacts", "build/*.ipa").Input("fenfa-url", _fenfa.BaseUrl.ToString())
            .Input("fenfa-token", "matrix-fenfa-admin").Input("fenfa-product", "lumen");
    }
}

public sealed class AptoideMatrixTarget : MatrixTarget
{
    private const string Upload = "/webservices/3/uploadAppToRepo";
    private readonly AptoideEmulator _aptoide = new();
    public override EmulatorHost Emulator => _aptoide;
    public override Call Read => new("POST", Upload); // the checksum question, marked retry-safe
    public override Call Create => new("POST", Upload, Skip: 1);
    public override int Created => _aptoide.Uploads.Count;

    public override async Task StartAsync(GitHubActionRun run)
    {
        await _aptoide.StartAsync();
        _aptoide.AddAccount("matrix", "matrix-password", "matrixstore");
        _aptoide.AddToken("matrix-aptoide-token", "matrix");
        run.AddFile("build/app-release.apk", SampleArtifacts.Apk(paddingBytes: 512 * 1024));
        run.Input("artifacts", "build/*.apk").Input("aptoide-repo", "matrixstore")
            .Input("aptoide-token", "matrix-aptoide-token").Input("aptoide-api-url", _aptoide.ApiUrl.ToString());
    }
}

public sealed class GitHubMatrixTarget : MatrixTarget
{
    private const string Repository = "octo-org/lumen"; // the harness's GITHUB_REPOSITORY
    private readonly GitHubEmulator _github = new("matrix-github-token");
    public override EmulatorHost Emulator => _github;
    public override Call Read => new("GET", $"/repos/{Repository}/releases/tags/v2.4.1");
    public override Call Create => new("POST", $"/repos/{Repository}/releases");
    public override int Created => _github.Releases(Repository).Count;

    public override async Task StartAsync(GitHubActionRun run)
    {
        await _github.StartAsync();
        _github.AddRepository(Repository);
        run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        run.Input("artifacts", "build/*.apk").Input("github-release", "true")
            .Input("github-token", "matrix-github-token").Input("github-api-url", _github.BaseUrl.ToString());
    }
}

public sealed class AppleMatrixTarget : MatrixTarget
{
    private const string KeyId = "2X9R4HXF34";
    private const string IssuerId = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly AppStoreConnectEmulator _apple;

    public AppleMatrixTarget() => _apple = new AppStoreConnectEmulator(_key, KeyId, IssuerId);

    public override EmulatorHost Emulator => _apple;
    public override Call Read => new("GET", "/v1/devices");
    public override Call Create => new("POST", "/v1/devices");
    public override int Created => _apple.Devices.Count;

    public override async Task StartAsync(GitHubActionRun run)
    {
        await _apple.StartAsync();
        run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        run.Input("artifacts", "build/*.ipa").Input("apple-key-id", KeyId).Input("apple-issuer-id", IssuerId)
            .Input("apple-private-key", _key.ExportPkcs8PrivateKeyPem()).Input("apple-api-url", _apple.BaseUrl.ToString())
            .Input("apple-devices", "00008110-000A1B2C3D4E5F60\tQA iPhone\tIOS");
    }
}

public sealed class AltStoreMatrixTarget : MatrixTarget
{
    private readonly AltStoreEmulator _altstore = new();
    public override EmulatorHost Emulator => _altstore;

    // AltStore has no idempotent call before its trigger (status polls start 10 s later), so both rows strike the trigger.
    public override Call Read => new("POST", "/adps");
    public override Call Create => new("POST", "/adps");
    public override int Created => _altstore.ProcessRequests.Count;

    // With altstore-wait off, an unreadable 200 answer to the trigger is reported as "processing asked for" (exit 0),
    // and a persisting 502 ends after fewer sends than retry-max-attempts allows.
    public override IReadOnlyDictionary<string, int> Gaps { get; } = new Dictionary<string, int>
    {
        ["truncated JSON"] = 0, ["malformed JSON"] = 0, ["HTML error page that persists"] = 1,
    };

    public override async Task StartAsync(GitHubActionRun run)
    {
        await _altstore.StartAsync();
        run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        run.Input("artifacts", "build/*.ipa").Input("altstore-adp-id", "3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11")
            .Input("altstore-api-url", _altstore.BaseUrl.ToString()).Input("altstore-wait", "false");
    }
}
