using System.Security.Cryptography;
using CiPublisher.Cli;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Settings.Inputs;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.Aptoide;
using CiPublisher.Core.Targets.Fenfa;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.Cli;

public sealed class SettingsBinderTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("cipublisher-settings-").FullName;

    private SecretRegistry Secrets { get; } = new();

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private (RunSettings? Settings, IReadOnlyList<InputError> Errors) Bind(
        Dictionary<string, string> environment, string[]? args = null, string verb = Verbs.Publish)
    {
        environment.TryAdd("INPUT_ARTIFACTS", "*.ipa");
        var parsed = args is null ? null : CommandLineParsing.Parse([verb, .. args], environment).Options;
        return new SettingsBinder(new InputSources(parsed, environment), environment, _workspace, Secrets).Bind(verb, new RunContext());
    }

    [Fact]
    public void CommandLineFlag_WinsOverActionInput_WhichWinsOverEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["INPUT_CHANNEL"] = "from-input",
            ["CIPUBLISHER_CHANNEL"] = "from-env",
            ["INPUT_VERSION"] = "2.0.0",
            ["CIPUBLISHER_VERSION"] = "1.0.0",
            ["CIPUBLISHER_BUILD_NUMBER"] = "77",
        };

        var (settings, errors) = Bind(environment, ["--channel", "from-cli"]);

        errors.Should().BeEmpty();
        settings!.Channel.Should().Be("from-cli");
        settings.Version.Should().Be("2.0.0");
        settings.BuildNumber.Should().Be("77");
        settings.Timeout.Should().Be(TimeSpan.FromMinutes(30), "the documented default applies when no source gives it");
    }

    [Fact]
    public void ActionInputs_KeepTheirHyphens_AsTheRunnerPassesThem()
    {
        var (settings, errors) = Bind(new()
        {
            ["INPUT_FENFA-URL"] = "https://dist.example.com",
            ["INPUT_FENFA-TOKEN"] = "t0k",
            ["INPUT_FENFA-VARIANT-ID"] = "var_1",
        });

        errors.Should().BeEmpty();
        settings!.Module<FenfaSettings>()!.Url.Should().Be(new Uri("https://dist.example.com/"));
        settings.Module<FenfaSettings>()!.VariantId.Should().Be("var_1");
    }

    [Fact]
    public void EmptyActionInput_CountsAsNotGiven()
    {
        var (settings, _) = Bind(new() { ["INPUT_CHANNEL"] = "", ["CIPUBLISHER_CHANNEL"] = "beta", ["INPUT_MAX-PARALLEL"] = "  " });

        settings!.Channel.Should().Be("beta");
        settings.MaxParallel.Should().Be(2);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void Booleans_AcceptEveryDocumentedSpelling(string text, bool expected)
    {
        var (settings, errors) = Bind(new() { ["INPUT_DRY-RUN"] = text });

        errors.Should().BeEmpty();
        settings!.DryRun.Should().Be(expected);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("45", 45)]
    public void Durations_AcceptUnitsOrPlainSeconds(string text, int seconds)
    {
        var (settings, errors) = Bind(new() { ["INPUT_TIMEOUT"] = text });

        errors.Should().BeEmpty();
        settings!.Timeout.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Lists_AcceptNewlinesAndCommas()
    {
        var (settings, _) = Bind(new() { ["INPUT_ARTIFACTS"] = "build/*.ipa,\nbuild/*.apk\r\n  , dist/**/*.dmg" });

        settings!.ArtifactPatterns.Should().Equal("build/*.ipa", "build/*.apk", "dist/**/*.dmg");
    }

    [Theory]
    [InlineData("INPUT_TIMEOUT", "abc", "timeout", "not a duration")]
    [InlineData("INPUT_MAX-PARALLEL", "-1", "max-parallel", "out of range")]
    [InlineData("INPUT_MAX-PARALLEL", "two", "max-parallel", "not a whole number")]
    [InlineData("INPUT_DRY-RUN", "maybe", "dry-run", "not a boolean")]
    [InlineData("INPUT_FENFA-URL", "dist.example.com", "fenfa-url", "not an absolute URL")]
    [InlineData("INPUT_FENFA-URL", "http://dist.example.com", "fenfa-url", "plain http to a remote host")]
    [InlineData("INPUT_FENFA-URL", "ftp://dist.example.com", "fenfa-url", "not an absolute URL")]
    [InlineData("INPUT_RELEASE-NOTES-FILE", "missing.md", "release-notes-file", "does not exist")]
    [InlineData("INPUT_WORKING-DIRECTORY", "no/such/folder", "working-directory", "does not exist")]
    public void InvalidActionInput_IsReportedUnderItsActionName(string variable, string value, string input, string problem)
    {
        var (settings, errors) = Bind(new() { [variable] = value });

        settings.Should().BeNull();
        errors.Should().ContainSingle(e => e.Input == input).Which.Problem.Should().Contain(problem);
    }

    [Fact]
    public void InvalidValue_IsNamedAsTheUserSpelledIt_OnTheCommandLineAndInTheEnvironment()
    {
        var (_, fromCli) = Bind(new(), ["--timeout", "soon"]);
        var (_, fromEnv) = Bind(new() { ["CIPUBLISHER_TIMEOUT"] = "soon" });

        fromCli.Should().ContainSingle().Which.Input.Should().Be("--timeout");
        fromEnv.Should().ContainSingle().Which.Input.Should().Be("CIPUBLISHER_TIMEOUT");
    }

    [Fact]
    public void PlainHttp_IsAcceptedForLoopbackOnly()
    {
        var (settings, errors) = Bind(new()
        {
            ["INPUT_FENFA-URL"] = "http://127.0.0.1:8000",
            ["INPUT_FENFA-TOKEN"] = "t",
            ["INPUT_FENFA-PRODUCT"] = "lumen",
        });

        errors.Should().BeEmpty();
        settings!.Module<FenfaSettings>()!.Url.Port.Should().Be(8000);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var (_, errors) = Bind(new() { ["INPUT_TIMEOUT"] = "x", ["INPUT_MAX-PARALLEL"] = "99", ["INPUT_FENFA-URL"] = "https://f.example" });

        errors.Select(e => e.Input).Should().Contain(["timeout", "max-parallel", "fenfa-token", "fenfa-product"]);
    }

    [Fact]
    public void Publish_WithoutArtifacts_NamesTheArtifactsInput()
    {
        var environment = new Dictionary<string, string> { ["INPUT_ARTIFACTS"] = "" };
        var (_, errors) = new SettingsBinder(new InputSources(null, environment), environment, _workspace, Secrets).Bind(Verbs.Publish, new RunContext());

        errors.Should().ContainSingle(e => e.Input == "artifacts").Which.Problem.Should().Contain("required");
    }

    [Fact]
    public void ReleaseNotesFile_WinsOverReleaseNotes()
    {
        File.WriteAllText(Path.Combine(_workspace, "notes.md"), "From the file\n");
        var (settings, _) = Bind(new() { ["INPUT_RELEASE-NOTES"] = "inline", ["INPUT_RELEASE-NOTES-FILE"] = "notes.md" });

        settings!.ReleaseNotes.Should().Be("From the file");
    }

    [Fact]
    public void WorkingDirectory_DefaultsToTheGitHubWorkspace()
    {
        var (settings, _) = Bind(new() { ["GITHUB_WORKSPACE"] = _workspace });

        settings!.WorkingDirectory.Should().Be(_workspace);
    }

    [Fact]
    public void FenfaProduct_WithoutFenfaUrl_IsAnError()
    {
        var (_, errors) = Bind(new() { ["INPUT_FENFA-PRODUCT"] = "lumen" });

        errors.Should().ContainSingle(e => e.Input == "fenfa-product").Which.Problem.Should().Contain("fenfa-url");
    }

    [Fact]
    public void GitHubRelease_WithoutToken_NamesGitHubToken()
    {
        var (_, errors) = Bind(new() { ["INPUT_GITHUB-RELEASE"] = "true", ["GITHUB_REPOSITORY"] = "o/r" });

        errors.Should().Contain(e => e.Input == "github-token");
    }

    [Fact]
    public void RsaKey_IsAnInputErrorNamingTheKeyInput_WithoutQuotingTheKey()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();

        var (_, errors) = Bind(new() { ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34", ["INPUT_APPLE-PRIVATE-KEY"] = pem });

        var error = errors.Should().ContainSingle(e => e.Input == "apple-private-key").Which;
        error.Problem.Should().Contain("EC");
        pem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).Should().OnlyContain(line => !error.Problem.Contains(line, StringComparison.Ordinal));
    }

    public static TheoryData<string> MalformedKeys()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return ["garbage-key-canary-91", "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----", p384.ExportPkcs8PrivateKeyPem()];
    }

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public void AMalformedKey_IsAnInputErrorNamingTheKeyInput(string key)
    {
        var (settings, errors) = Bind(new() { ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34", ["INPUT_APPLE-PRIVATE-KEY"] = key });

        settings.Should().BeNull();
        errors.Should().ContainSingle(e => e.Input == "apple-private-key");
    }

    [Fact]
    public void AMalformedKeyId_IsAnInputErrorNamingIt()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (_, errors) = Bind(new() { ["INPUT_APPLE-KEY-ID"] = "KEY/ID", ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem() });

        errors.Should().ContainSingle(e => e.Input == "apple-key-id").Which.Problem.Should().Contain("letters and digits");
    }

    [Fact]
    public void AKeyFile_IsReadOnceAtBinding_SoTheSettingsHoldItsPem()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(Path.Combine(_workspace, "AuthKey_2X9R4HXF34.p8"), pem);

        var (settings, errors) = Bind(new() { ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34", ["INPUT_APPLE-PRIVATE-KEY"] = "AuthKey_2X9R4HXF34.p8" });

        errors.Should().BeEmpty();
        settings!.Module<AppleSettings>()!.PrivateKey.Should().Be(pem, "the run signs with the key read here, wherever its steps run from");
    }

    [Fact]
    public void Base64Key_IsDecoded_AndEveryLineOfThePemItHoldsIsRegisteredAsASecret()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportPkcs8PrivateKeyPem();
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));

        var (settings, errors) = Bind(new() { ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34", ["INPUT_APPLE-PRIVATE-KEY"] = base64 });

        errors.Should().BeEmpty();
        settings!.Module<AppleSettings>()!.KeyId.Should().Be("2X9R4HXF34");
        var secondLine = pem.Split('\n')[1];
        Secrets.Redact($"x {secondLine} y").Should().Be("x *** y");
    }

    [Fact]
    public void DevicesFromFenfa_WithoutFenfa_IsAnInputError()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (_, errors) = Bind(new()
        {
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem(),
            ["INPUT_APPLE-DEVICES-FROM-FENFA"] = "true",
        });

        errors.Should().ContainSingle(e => e.Input == "apple-devices-from-fenfa");
    }

    [Fact]
    public void DevicesFromFenfa_WithFenfaButNoToken_IsAnInputErrorOfTheToken()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (_, errors) = Bind(new()
        {
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem(),
            ["INPUT_APPLE-DEVICES-FROM-FENFA"] = "true",
            ["INPUT_FENFA-URL"] = "https://dist.example.com",
            ["INPUT_FENFA-PRODUCT"] = "lumen",
        });

        errors.Should().ContainSingle().Which.Input.Should().Be("fenfa-token");
    }

    [Fact]
    public void AnInputReadTwice_ReportsItsProblemOnce()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (_, errors) = Bind(new()
        {
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem(),
            ["INPUT_APPLE-DEVICES-FROM-FENFA"] = "maybe",
        });

        errors.Should().ContainSingle().Which.Should().Be(new InputError("apple-devices-from-fenfa", "'maybe' is not a boolean; use true/false, yes/no or 1/0"));
    }

    [Fact]
    public void ProfileTypes_AreReadAsAList_AndAStoreTypeIsAnInputErrorNamingTheInput()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var apple = new Dictionary<string, string>
        {
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem(),
        };

        var (defaults, _) = Bind(new(apple));
        var (listed, listedErrors) = Bind(new(apple) { ["INPUT_APPLE-PROFILE-TYPES"] = "ios_app_adhoc\nTVOS_APP_ADHOC" });
        var (_, errors) = Bind(new(apple) { ["INPUT_APPLE-PROFILE-TYPES"] = "IOS_APP_ADHOC, IOS_APP_STORE" });

        defaults!.Module<AppleSettings>()!.ProfileTypes.Should().Equal("IOS_APP_ADHOC");
        listedErrors.Should().BeEmpty();
        listed!.Module<AppleSettings>()!.ProfileTypes.Should().Equal("IOS_APP_ADHOC", "TVOS_APP_ADHOC");
        errors.Should().ContainSingle(e => e.Input == "apple-profile-types").Which.Problem.Should().Contain("'IOS_APP_STORE'");
    }

    [Fact]
    public void AdpIdAuto_WithoutTheAppleKey_IsAnInputErrorNamingIt()
    {
        var (_, errors) = Bind(new() { ["INPUT_ALTSTORE-ADP-ID"] = "auto" });

        errors.Should().ContainSingle(e => e.Input == "altstore-adp-id").Which.Problem.Should().Contain("apple-key-id");
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("../register")]
    [InlineData("a/b")]
    [InlineData("abc?x=1")]
    [InlineData("id with space")]
    public void AdpIdWithPathCharacters_IsAnInputError(string adpId)
    {
        var (_, errors) = Bind(new() { ["INPUT_ALTSTORE-ADP-ID"] = adpId });

        errors.Should().ContainSingle(e => e.Input == "altstore-adp-id").Which.ToString().Should().StartWith("altstore-adp-id: must ");
    }

    [Fact]
    public void AdpIdAuto_HandsTheBoundAppleKeyToTheAdpLookup()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (settings, errors) = Bind(new()
        {
            ["INPUT_ALTSTORE-ADP-ID"] = "auto",
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem(),
        });
        var (byId, _) = Bind(new() { ["INPUT_ALTSTORE-ADP-ID"] = "adp-1", ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34",
            ["INPUT_APPLE-PRIVATE-KEY"] = ec.ExportPkcs8PrivateKeyPem() });

        errors.Should().BeEmpty();
        settings!.Module<AltStoreSettings>()!.AdpLookupKey.Should().BeSameAs(settings.Module<AppleSettings>());
        byId!.Module<AltStoreSettings>()!.AdpLookupKey.Should().BeNull("an ADP ID given needs no lookup");
    }

    [Fact]
    public void AptoideListingFields_AreParsedIntoTheSettings()
    {
        var store = new Dictionary<string, string> { ["INPUT_APTOIDE-REPO"] = "store", ["INPUT_APTOIDE-TOKEN"] = "token-1234" };

        var (listed, errors) = Bind(new(store)
        {
            ["INPUT_APTOIDE-CATEGORY"] = "16", ["INPUT_APTOIDE-RATING"] = "Teen", ["INPUT_APTOIDE-DESCRIPTION"] = "A reading lamp.",
        });
        var (bare, _) = Bind(new(store));

        errors.Should().BeEmpty();
        listed!.Module<AptoideSettings>()!.Listing.Should().Be(new AptoideListing(16, 3, "A reading lamp."));
        bare!.Module<AptoideSettings>()!.Listing.Should().Be(new AptoideListing(null, null, null), "no listing field is sent unless given");
    }

    [Fact]
    public void AdpHostGitHubRelease_BindsGitHub_AndWithoutATokenNamesWhatNeedsIt()
    {
        var hosting = new Dictionary<string, string> { ["INPUT_ALTSTORE-ADP-ID"] = "adp-1", ["INPUT_ALTSTORE-ADP-HOST"] = "GitHub-Release" };

        var (settings, errors) = Bind(new(hosting) { ["INPUT_GITHUB-TOKEN"] = "ghs_token", ["INPUT_GITHUB-REPOSITORY"] = "octo/app" });
        var (_, tokenless) = Bind(new(hosting) { ["INPUT_GITHUB-REPOSITORY"] = "octo/app" });

        errors.Should().BeEmpty();
        settings!.Module<AltStoreSettings>()!.AdpHost.Should().Be(AdpHostKind.GitHubRelease);
        settings.Module<GitHubSettings>()!.Should().NotBeNull("the release assets are written with the GitHub token");
        settings.Module<GitHubSettings>()!.Release.Should().BeFalse("hosting the ADP writes assets, not the distribution section");
        tokenless.Should().ContainSingle(e => e.Input == "github-token").Which.Problem.Should().Contain("altstore-adp-host: github-release");
    }

    [Theory]
    [InlineData("INPUT_ALTSTORE-ADP-HOST", "s3", "altstore-adp-host", "'s3' is not a host")]
    [InlineData("INPUT_ALTSTORE-HOSTED-URL", "https://apps.example.org/adp/", "altstore-hosted-url", "give one")]
    [InlineData("INPUT_ALTSTORE-WAIT", "false", "altstore-wait", "needs the processed ADP")]
    public void AdpHostingInputsThatContradict_AreInputErrors(string variable, string value, string input, string problem)
    {
        var (_, errors) = Bind(new()
        {
            ["INPUT_ALTSTORE-ADP-ID"] = "adp-1", ["INPUT_ALTSTORE-ADP-HOST"] = "github-release", ["INPUT_GITHUB-TOKEN"] = "ghs_token",
            ["INPUT_GITHUB-REPOSITORY"] = "octo/app", [variable] = value,
        });

        errors.Should().ContainSingle(e => e.Input == input).Which.Problem.Should().Contain(problem);
    }

    [Theory]
    [InlineData("INPUT_ALTSTORE-ADP-HOST", "github-release", "altstore-adp-host")]
    [InlineData("INPUT_ALTSTORE-ADP-DIR", "public/adp", "altstore-adp-dir")]
    public void AdpHostingWithoutAnAdp_IsAnInputError(string variable, string value, string input)
    {
        var (_, errors) = Bind(new() { ["INPUT_GITHUB-TOKEN"] = "ghs_token", [variable] = value });

        errors.Should().Contain(e => e.Input == input && e.Problem.Contains("needs altstore-adp-id"));
    }

    [Theory]
    [InlineData("INPUT_APTOIDE-CATEGORY", "Tools", "aptoide-category")]
    [InlineData("INPUT_APTOIDE-RATING", "adults", "aptoide-rating")]
    public void AptoideListingFields_AreCheckedBeforeAnyRequest(string variable, string value, string input)
    {
        var (_, errors) = Bind(new() { ["INPUT_APTOIDE-REPO"] = "store", ["INPUT_APTOIDE-TOKEN"] = "token-1234", [variable] = value });

        errors.Should().ContainSingle(e => e.Input == input).Which.Problem.Should().Contain(value);
    }
}
