using System.Security.Cryptography;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;

namespace CiPublisher.Emulators.Sandbox;

/// <summary>
/// The README's one-command demo: Fenfa, Aptoide and GitHub emulators on loopback, an IPA and an APK
/// (the shared real-world fixtures when they are beside the clone, else generated ones), and the real
/// program run twice, the second time to show that a re-run publishes nothing new; then the App Store Connect
/// emulator, where the testers' new devices are registered and the app's ad-hoc profile is replaced to hold them; last
/// the AltStore PAL chain, from App Store Connect to a federated source whose version points at the release's assets.
/// </summary>
public static class SandboxDemo
{
    private const string FenfaToken = "sandbox-fenfa-admin-token";
    private const string AptoideToken = "sandbox-aptoide-token";
    private const string GitHubToken = "sandbox-github-token";
    private const string Repository = "octo-org/lumen";
    private const string BundleId = "com.example.lumen.beta";
    private const string AppleKeyId = "2X9R4HXF34";
    private const string AppleIssuer = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";
    private const string NewTesterPhone = "00008110-000A1B2C3D4E5F60";
    private const string NewLobbyTv = "00008020-0011223344556677";

    /// <param name="time">The program's clock: the system's, unless a test runs the demo on a fake one.</param>
    public static async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        await using var fenfa = new FenfaEmulator { AdminToken = FenfaToken };
        await using var aptoide = new AptoideEmulator();
        await using var github = new GitHubEmulator(GitHubToken);
        await fenfa.StartAsync();
        await aptoide.StartAsync();
        await github.StartAsync();
        aptoide.AddToken(AptoideToken, "sandbox");
        aptoide.AddAccount("sandbox", "sandbox-password", "lumen-store");
        github.AddRepository(Repository);

        var workspace = Directory.CreateTempSubdirectory("cipublisher-sandbox-").FullName;
        try
        {
            StageArtifacts(workspace, stdout);
            var environment = new Dictionary<string, string>
            {
                ["CIPUBLISHER_ARTIFACTS"] = "build/*.ipa, build/*.apk",
                ["CIPUBLISHER_WORKING_DIRECTORY"] = workspace,
                ["CIPUBLISHER_RELEASE_NOTES"] = "Sandbox build: new onboarding, faster sync.",
                ["CIPUBLISHER_CHANNEL"] = "beta",
                ["CIPUBLISHER_FENFA_URL"] = fenfa.BaseUrl.ToString(),
                ["CIPUBLISHER_FENFA_TOKEN"] = FenfaToken,
                ["CIPUBLISHER_FENFA_PRODUCT"] = "lumen",
                ["CIPUBLISHER_APTOIDE_REPO"] = "lumen-store",
                ["CIPUBLISHER_APTOIDE_TOKEN"] = AptoideToken,
                ["CIPUBLISHER_APTOIDE_API_URL"] = aptoide.ApiUrl.ToString(),
                ["CIPUBLISHER_GITHUB_TOKEN"] = GitHubToken,
                ["CIPUBLISHER_GITHUB_API_URL"] = github.BaseUrl.ToString(),
                ["CIPUBLISHER_GITHUB_REPOSITORY"] = Repository,
                ["CIPUBLISHER_GITHUB_RELEASE"] = "true",
                ["CIPUBLISHER_SUMMARY_FILE"] = Path.Combine(workspace, "cipublisher-summary.md"),
            };

            stdout.WriteLine($"Sandbox: Fenfa {fenfa.BaseUrl}, Aptoide {aptoide.ApiUrl}, GitHub {github.BaseUrl}");
            stdout.WriteLine("── First run: publishes everything ──");
            var first = await new App(environment, stdout, stderr, interactive: false, workspace, time).RunAsync(["publish"], CancellationToken.None);
            stdout.WriteLine($"(exit code {first})");

            stdout.WriteLine("── Second run: the same build again, nothing new is created ──");
            var second = await new App(environment, stdout, stderr, interactive: false, workspace, time).RunAsync(["publish"], CancellationToken.None);
            stdout.WriteLine($"(exit code {second})");

            stdout.WriteLine($"Fenfa holds {fenfa.Releases.Count} release(s), Aptoide {aptoide.Uploads.Count} upload(s), " +
                             $"GitHub release v2.4.1 {(github.Releases(Repository).Count == 1 ? "has one distribution section" : "is missing")}.");

            var devices = await RegisterDevicesAsync(workspace, stdout, stderr, time);
            var pal = await PalChainAsync(github, stdout, stderr, time);
            return new[] { first, second, devices, pal }.FirstOrDefault(exit => exit != 0);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>
    /// Two new testers' devices (a phone and an Apple TV) registered, and the beta's ad-hoc profile replaced so it holds
    /// the phone; the Apple TV stays out of an iOS profile, as Apple requires.
    /// </summary>
    private static async Task<int> RegisterDevicesAsync(string workspace, TextWriter stdout, TextWriter stderr, TimeProvider? time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var apple = new AppStoreConnectEmulator(key, AppleKeyId, AppleIssuer);
        await apple.StartAsync();
        apple.DeviceClassOfUdid[NewLobbyTv] = "APPLE_TV";
        var bundle = apple.AddBundleId(BundleId);
        var certificate = apple.AddCertificate("Lumen Distribution");
        var existing = apple.AddDevice("00008120-001C2D3E4F506172", "Kim's iPhone");
        apple.AddProfile("Lumen Beta AdHoc", "IOS_APP_ADHOC", bundle, [certificate], [existing]);

        var environment = new Dictionary<string, string>(AppleEnvironment(workspace, key, apple))
        {
            ["CIPUBLISHER_APPLE_DEVICES"] = $"{NewTesterPhone},QA iPhone 15\n{NewLobbyTv},Lobby Apple TV",
            ["CIPUBLISHER_APPLE_REFRESH_PROFILES"] = "true",
            ["CIPUBLISHER_SUMMARY_FILE"] = Path.Combine(workspace, "cipublisher-devices-summary.md"),
        };
        stdout.WriteLine($"── Third run: register the testers' new devices with Apple (App Store Connect emulator {apple.BaseUrl}) ──");
        var exit = await new App(environment, stdout, stderr, interactive: false, workspace, time).RunAsync(["register-devices"], CancellationToken.None);
        stdout.WriteLine($"(exit code {exit})");
        var profile = apple.Profiles.Single(p => p.BundleIdId == bundle.Id);
        stdout.WriteLine($"App Store Connect holds {apple.Devices.Count} device(s); profile '{profile.Name}' holds {profile.DeviceIds.Count} " +
                         "(the Apple TV cannot enter an iOS profile), saved as Lumen_Beta_AdHoc.mobileprovision.");
        return exit;
    }

    /// <summary>
    /// AltStore PAL in one step: the ADP of Lumen 2.5.0 found in App Store Connect, processed by AltStore, its files put
    /// on the GitHub release v2.5.0, the version written into source.json pointing at them, the source federated; run
    /// twice, the second time changing nothing.
    /// </summary>
    private static async Task<int> PalChainAsync(GitHubEmulator github, TextWriter stdout, TextWriter stderr, TimeProvider? time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var apple = new AppStoreConnectEmulator(key, AppleKeyId, AppleIssuer);
        await using var altstore = new AltStoreEmulator { PollsUntilDone = 1 };
        await apple.StartAsync();
        await altstore.StartAsync();
        const string palBundleId = "org.example.lumen";
        var adpId = apple.AddPackage(apple.AddAppStoreVersion(apple.AddApp(palBundleId, "Lumen"), "2.5.0"));
        altstore.Packages[adpId] = SampleAdp.Build(palBundleId, "2.5.0", "431", "6741000000", deltas: 1).Zip;

        var workspace = Directory.CreateTempSubdirectory("cipublisher-sandbox-pal-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(workspace, "build"));
            File.WriteAllBytes(Path.Combine(workspace, "build", "Lumen.ipa"), SampleArtifacts.Ipa(bundleId: palBundleId, version: "2.5.0", build: "431"));
            File.WriteAllText(Path.Combine(workspace, "source.json"), SourceFixtures.Realistic);
            var environment = new Dictionary<string, string>(AppleEnvironment(workspace, key, apple))
            {
                ["CIPUBLISHER_ALTSTORE_API_URL"] = altstore.BaseUrl.ToString(),
                ["CIPUBLISHER_ALTSTORE_ADP_ID"] = "auto",
                ["CIPUBLISHER_ALTSTORE_ADP_HOST"] = "github-release",
                ["CIPUBLISHER_ALTSTORE_SOURCE_FILE"] = "source.json",
                ["CIPUBLISHER_ALTSTORE_SOURCE_URL"] = "https://apps.example.org/source.json",
                ["CIPUBLISHER_GITHUB_TOKEN"] = GitHubToken,
                ["CIPUBLISHER_GITHUB_API_URL"] = github.BaseUrl.ToString(),
                ["CIPUBLISHER_GITHUB_REPOSITORY"] = Repository,
                ["CIPUBLISHER_SUMMARY_FILE"] = Path.Combine(workspace, "cipublisher-pal-summary.md"),
            };
            stdout.WriteLine($"── Fourth run: AltStore PAL (App Store Connect {apple.BaseUrl}, AltStore {altstore.BaseUrl}): " +
                             "find the ADP, process it, host it on the release, update and federate the source ──");
            var exit = await new App(environment, stdout, stderr, interactive: false, workspace, time).RunAsync(["altstore"], CancellationToken.None);
            stdout.WriteLine($"(exit code {exit})");
            var source = File.ReadAllText(Path.Combine(workspace, "source.json"));
            stdout.WriteLine("── Fifth run: the same again; the assets are kept and the source stays byte for byte ──");
            var again = await new App(environment, stdout, stderr, interactive: false, workspace, time).RunAsync(["altstore"], CancellationToken.None);
            stdout.WriteLine($"(exit code {again})");

            var entry = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(workspace, "source.json")))!["apps"]![0]!["versions"]![0]!;
            stdout.WriteLine($"GitHub release v2.5.0 holds {github.Assets(Repository, "v2.5.0").Count} ADP file(s); source.json's Lumen " +
                             $"{entry["version"]} points at {entry["downloadURL"]} with {entry["assetURLs"]?.AsObject().Count ?? 0} assetURLs; " +
                             $"AltStore federated {altstore.FederatedSources.Count} time(s); the re-run left source.json " +
                             $"{(File.ReadAllText(Path.Combine(workspace, "source.json")) == source ? "unchanged" : "CHANGED")}.");
            return exit != 0 ? exit : again;
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>The .ipa of the workspace and the App Store Connect API key inputs, for the runs that talk to Apple.</summary>
    private static Dictionary<string, string> AppleEnvironment(string workspace, ECDsa key, AppStoreConnectEmulator apple) => new()
    {
        ["CIPUBLISHER_ARTIFACTS"] = "build/*.ipa",
        ["CIPUBLISHER_WORKING_DIRECTORY"] = workspace,
        ["CIPUBLISHER_APPLE_KEY_ID"] = AppleKeyId,
        ["CIPUBLISHER_APPLE_ISSUER_ID"] = AppleIssuer,
        ["CIPUBLISHER_APPLE_PRIVATE_KEY"] = key.ExportPkcs8PrivateKeyPem(),
        ["CIPUBLISHER_APPLE_API_URL"] = apple.BaseUrl.ToString(),
    };

    private static void StageArtifacts(string workspace, TextWriter stdout)
    {
        var build = Directory.CreateDirectory(Path.Combine(workspace, "build")).FullName;
        var shared = SharedFixtures();
        if (shared is not null)
        {
            File.Copy(Path.Combine(shared, "ipa", "Lumen-2.4.1-418.ipa"), Path.Combine(build, "Lumen-2.4.1-418.ipa"));
            File.Copy(Path.Combine(shared, "apk", "io.appium.settings-8.0.10.apk"), Path.Combine(build, "io.appium.settings-8.0.10.apk"));
            stdout.WriteLine($"Artifacts: the real-world fixtures from {shared}");
            return;
        }
        File.WriteAllBytes(Path.Combine(build, "Lumen.ipa"), SampleArtifacts.Ipa(bundleId: BundleId, paddingBytes: 8 * 1024 * 1024));
        File.WriteAllBytes(Path.Combine(build, "Lumen.apk"), SampleArtifacts.Apk(paddingBytes: 8 * 1024 * 1024));
        stdout.WriteLine("Artifacts: generated samples (the shared fixtures are not beside this clone)");
    }

    /// <summary>../shared/fixtures beside the repository (the folder holding CiPublisher.sln), if present.</summary>
    private static string? SharedFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CiPublisher.sln"))) continue;
            var fixtures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures"));
            return Directory.Exists(Path.Combine(fixtures, "ipa")) ? fixtures : null;
        }
        return null;
    }
}
