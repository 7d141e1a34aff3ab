using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>
/// Hostile and wrong inputs against the real program: each exits 2 naming the input, sends no request (every URL
/// points at one emulator that counts), and finishes within a bounded time under a 256 MiB GC heap limit.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    private readonly FenfaEmulator _tripwire = new() { AdminToken = "hostile-fenfa-admin" };

    public Task InitializeAsync() => _tripwire.StartAsync();

    public async Task DisposeAsync() => await _tripwire.DisposeAsync();

    /// <summary>One hostile input: what to arrange beyond a valid Fenfa run, the words the message must hold, the arguments.</summary>
    public sealed record HostileCase(string Name, Action<GitHubActionRun, Uri> Arrange, string Names, string[]? Args = null);

    private static readonly string Pem = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    private static Action<GitHubActionRun, Uri> Set(string input, string value) => (run, _) => run.Input(input, value);

    private static Action<GitHubActionRun, Uri> Apple(string input, string value) => (run, url) =>
        run.Input("apple-key-id", "2X9R4HXF34").Input("apple-private-key", Pem).Input("apple-api-url", url.ToString())
            .Input("apple-devices", "00008110-000A1B2C3D4E5F60").Input(input, value);

    // Built when the case runs, not when the cases are listed: the bombs take a moment to compress.
    private static Action<GitHubActionRun, Uri> Ipa(Func<byte[]> content) => (run, _) =>
    {
        run.AddFile("build/Lumen.ipa", content());
        run.Input("artifacts", "build/Lumen.ipa");
    };

    private static Action<GitHubActionRun, Uri> Apk(Func<byte[]> content) => (run, _) =>
    {
        run.AddFile("build/app.apk", content());
        run.Input("artifacts", "build/app.apk");
    };

    public static readonly IReadOnlyList<HostileCase> Cases =
    [
        new("fenfa-url without a scheme", Set("fenfa-url", "fenfa.example.com"), "fenfa-url"),
        new("fenfa-url plain http to a remote host", Set("fenfa-url", "http://fenfa.example.com"), "fenfa-url"),
        new("fenfa-url with ftp", Set("fenfa-url", "ftp://fenfa.example.com/"), "fenfa-url"),
        new("fenfa-url carrying credentials", Set("fenfa-url", "https://admin:hunter2@fenfa.example.com/"), "fenfa-url"),
        new("fenfa-url that is a file path", Set("fenfa-url", "/etc/passwd"), "fenfa-url"),
        new("apple-api-url without a scheme", Apple("apple-api-url", "api.appstoreconnect.apple.com"), "apple-api-url"),
        new("aptoide-api-url plain http to a remote host", (run, _) => run.Input("aptoide-repo", "store").Input("aptoide-token", "hostile-aptoide-token")
            .Input("aptoide-api-url", "http://webservices.aptoide.com/"), "aptoide-api-url"),
        new("github-api-url that is not a URL", (run, _) => run.Input("github-release", "true").Input("github-token", "hostile-github-token")
            .Input("github-api-url", "::::"), "github-api-url"),
        new("altstore-api-url with javascript:", (run, _) => run.Input("altstore-adp-id", "3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11")
            .Input("altstore-api-url", "javascript:alert(1)"), "altstore-api-url"),
        new("timeout: abc", Set("timeout", "abc"), "timeout"),
        new("timeout: 0s", Set("timeout", "0s"), "timeout"),
        new("timeout: 1000h", Set("timeout", "1000h"), "timeout"),
        new("max-parallel: -1", Set("max-parallel", "-1"), "max-parallel"),
        new("max-parallel: 0", Set("max-parallel", "0"), "max-parallel"),
        new("max-parallel: 17", Set("max-parallel", "17"), "max-parallel"),
        new("max-parallel: 2.5", Set("max-parallel", "2.5"), "max-parallel"),
        new("retry-max-attempts: 99", Set("retry-max-attempts", "99"), "retry-max-attempts"),
        new("retry-base-delay: soon", Set("retry-base-delay", "soon"), "retry-base-delay"),
        new("stall-timeout: -5s", Set("stall-timeout", "-5s"), "stall-timeout"),
        new("request-timeout: 0", Set("request-timeout", "0"), "request-timeout"),
        new("dry-run: maybe", Set("dry-run", "maybe"), "dry-run"),
        new("unknown verb", (_, _) => { }, "publsh", Args: ["publsh"]),
        new("unknown flag", (_, _) => { }, "fenfa-tokn", Args: ["publish", "--fenfa-tokn", "x"]),
        new("working-directory that does not exist", Set("working-directory", "no/such/folder"), "working-directory"),
        new("release-notes-file that does not exist", Set("release-notes-file", "NOTES.md"), "release-notes-file"),
        new("release-notes-file of 2 MiB", (run, _) =>
        {
            run.AddFile("NOTES.md", new byte[2 * 1024 * 1024]);
            run.Input("release-notes-file", "NOTES.md");
        }, "release-notes-file"),
        new("artifacts empty", Set("artifacts", " "), "artifacts"),
        new("no artifact matched", Set("artifacts", "build/*.ipa"), "build/*.ipa"),
        new("artifact that is a directory", (run, _) =>
        {
            Directory.CreateDirectory(Path.Combine(run.Workspace, "build", "Lumen.ipa"));
            run.Input("artifacts", "build/Lumen.ipa");
        }, "Lumen.ipa"),
        new("empty IPA", Ipa(() => []), "Lumen.ipa"),
        new("IPA that is not a zip", Ipa(() => Encoding.UTF8.GetBytes("<html>404 Not Found</html>")), "Lumen.ipa"),
        new("IPA without an Info.plist", Ipa(() => HostileArtifacts.Zip(("Payload/Lumen.app/Lumen", [1, 2, 3]))), "Lumen.ipa"),
        new("IPA whose Info.plist is a 512 MiB zip bomb", Ipa(() => HostileArtifacts.ZipBomb("Payload/Lumen.app/Info.plist", 512L << 20)), "Lumen.ipa"),
        new("IPA whose Info.plist claims 4 GiB", Ipa(() => HostileArtifacts.IpaWithAbsurdEntrySize()), "Lumen.ipa"),
        new("IPA whose binary plist contains itself", Ipa(() => HostileArtifacts.IpaWithInfoPlist(HostileArtifacts.BinaryPlistCycle())), "Lumen.ipa"),
        new("IPA whose binary plist claims 2^40 objects", Ipa(() => HostileArtifacts.IpaWithInfoPlist(HostileArtifacts.BinaryPlistHugeCount())), "Lumen.ipa"),
        new("IPA whose XML plist expands entities", Ipa(() => HostileArtifacts.IpaWithInfoPlist(HostileArtifacts.XmlPlistWithEntityExpansion())), "Lumen.ipa"),
        new("APK that is not a zip", Apk(() => Encoding.UTF8.GetBytes("PK? no")), "app.apk"),
        new("APK with truncated binary XML", Apk(() => HostileArtifacts.ApkWithManifest(HostileArtifacts.TruncatedBinaryXml())), "app.apk"),
        new("APK whose manifest is a 512 MiB zip bomb", Apk(() => HostileArtifacts.ZipBomb("AndroidManifest.xml", 512L << 20)), "app.apk"),
        new("APK whose manifest is plain text", Apk(() => HostileArtifacts.ApkWithManifest(Encoding.UTF8.GetBytes("<manifest package=\"x\"/>"))), "app.apk"),
        new("apple-private-key that is an RSA key", Apple("apple-private-key", RSA.Create(2048).ExportPkcs8PrivateKeyPem()), "apple-private-key"),
        new("apple-private-key that is garbage", Apple("apple-private-key", "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----"), "apple-private-key"),
        new("apple-private-key that is a P-384 key", Apple("apple-private-key", ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKeyPem()), "apple-private-key"),
        new("apple-key-id without apple-private-key", Set("apple-key-id", "2X9R4HXF34"), "apple-private-key"),
        new("apple-devices without a key", Set("apple-devices", "00008110-000A1B2C3D4E5F60"), "apple-key-id"),
        new("apple-max-new-devices: -3", Apple("apple-max-new-devices", "-3"), "apple-max-new-devices"),
        new("apple-devices-file that does not exist", Apple("apple-devices-file", "devices.txt"), "apple-devices-file"),
        new("altstore-adp-id with a path", Set("altstore-adp-id", "../../etc/passwd"), "altstore-adp-id"),
        new("altstore-wait-timeout: forever", (run, _) => run.Input("altstore-adp-id", "3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11")
            .Input("altstore-wait-timeout", "forever"), "altstore-wait-timeout"),
        new("altstore-source-file that does not exist", Set("altstore-source-file", "source.json"), "altstore-source-file"),
        new("github-pr-number: abc", Set("github-pr-number", "abc"), "github-pr-number"),
        new("aptoide-token without aptoide-repo", Set("aptoide-token", "hostile-aptoide-token"), "aptoide-repo"),
    ];

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Input_ExitsTwo_NamingIt_WithNoRequest_InBoundedTimeAndMemory(string name)
    {
        var hostile = Cases.Single(c => c.Name == name);
        using var run = new GitHubActionRun();
        run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        run.Input("artifacts", "build/*.apk").Input("fenfa-url", _tripwire.BaseUrl.ToString())
            .Input("fenfa-token", "hostile-fenfa-admin").Input("fenfa-product", "lumen");
        run.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000"; // 256 MiB: buffering a bomb would crash the run
        hostile.Arrange(run, _tripwire.BaseUrl);

        var clock = Stopwatch.StartNew();
        var result = await run.RunAsync(hostile.Args ?? []);

        clock.Elapsed.Should().BeLessThan(TimeBound);
        result.ExitCode.Should().Be(2, result.Stderr + result.Stdout);
        (result.Stderr + result.Stdout + result.Summary).Should().Contain(hostile.Names);
        _tripwire.Journal.Count.Should().Be(0, "nothing is sent when an input is wrong");
    }

    [Fact]
    public void AtLeastFortyHostileInputsAreTried() => Cases.Select(c => c.Name).Distinct().Should().HaveCountGreaterThanOrEqualTo(40);
}
