using System.Text.Json;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Program;

/// <summary>The program's own promises: verbs, exit codes, inspect output, and nothing sent on bad input.</summary>
public sealed class ProgramContractTests : IAsyncLifetime
{
    private readonly GitHubActionRun _run = new();
    private readonly FenfaEmulator _fenfa = new();

    public Task InitializeAsync() => _fenfa.StartAsync();

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _fenfa.DisposeAsync();
    }

    [SharedFixtureFact]
    public async Task Inspect_PrintsTheOracleValuesOfTheRealFixtures()
    {
        _run.CopyIn(RepositoryPaths.Shared("fixtures/ipa/Lumen-2.4.1-418.ipa")!, "in/Lumen.ipa");
        _run.CopyIn(RepositoryPaths.Shared("fixtures/apk/io.appium.settings-2.16.2.apk")!, "in/settings.apk");
        var badging = File.ReadAllText(RepositoryPaths.Shared("fixtures/apk/io.appium.settings-2.16.2.badging.txt")!);
        var expectedVersionName = System.Text.RegularExpressions.Regex.Match(badging, "versionName='([^']*)'").Groups[1].Value;
        var expectedVersionCode = System.Text.RegularExpressions.Regex.Match(badging, "versionCode='([^']*)'").Groups[1].Value;

        var run = await _run.RunAsync("inspect", "--artifacts", "in/*.ipa,in/*.apk");

        run.ExitCode.Should().Be(0, run.Stderr);
        var items = JsonDocument.Parse(run.Stdout).RootElement;
        items.GetArrayLength().Should().Be(2);
        var ipa = items[0];
        ipa.GetProperty("identifier").GetString().Should().Be("com.example.lumen.beta");
        ipa.GetProperty("displayName").GetString().Should().Be("Lumen Beta ✨ Ünïcödé");
        ipa.GetProperty("version").GetString().Should().Be("2.4.1");
        ipa.GetProperty("build").GetString().Should().Be("418");
        ipa.GetProperty("minimumOsVersion").GetString().Should().Be("15.0");
        ipa.GetProperty("platform").GetString().Should().Be("ios");
        ipa.GetProperty("sha256").GetString().Should().HaveLength(64);
        var apk = items[1];
        apk.GetProperty("identifier").GetString().Should().Be("io.appium.settings");
        apk.GetProperty("version").GetString().Should().Be(expectedVersionName);
        apk.GetProperty("build").GetString().Should().Be(expectedVersionCode);
    }

    [Fact]
    public async Task Inspect_OfACorruptIpa_ExitsTwoNamingTheFile()
    {
        _run.AddFile("in/Broken.ipa", "not a zip at all"u8.ToArray());

        var run = await _run.RunAsync("inspect", "--artifacts", "in/*.ipa");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("Broken.ipa");
    }

    [Fact]
    public async Task NoArtifactMatched_ExitsTwo_ListingThePatternsAndTheFolder_AndSendsNothing()
    {
        _run.Input("artifacts", "build/*.ipa").Input("fenfa-url", _fenfa.BaseUrl.ToString())
            .Input("fenfa-token", "t").Input("fenfa-product", "lumen");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().Contain("build/*.ipa").And.Contain(_run.Workspace);
        run.Summary.Should().Contain("Not run");
        _fenfa.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task InvalidInput_ExitsTwo_NamesTheActionInput_WritesTheSummary_AndSendsNothing()
    {
        _run.AddFile("build/app.apk", SampleArtifacts.Apk());
        _run.Input("artifacts", "build/*.apk").Input("fenfa-url", _fenfa.BaseUrl.ToString()).Input("fenfa-token", "t")
            .Input("fenfa-product", "lumen").Input("timeout", "abc").Input("max-parallel", "-1");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("::error title=CiPublisher::timeout: 'abc' is not a duration")
            .And.Contain("max-parallel: -1 is out of range");
        run.Summary.Should().Contain("Invalid input");
        run.Outputs.Should().ContainKey("result");
        _fenfa.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task UnknownVerbAndUnknownFlag_ExitTwoWithUsage()
    {
        (await _run.RunAsync("deploy")).ExitCode.Should().Be(2);
        var unknownFlag = await _run.RunAsync("publish", "--fenfa-ulr", "https://x.example");
        unknownFlag.ExitCode.Should().Be(2);
        unknownFlag.Stderr.Should().Contain("--fenfa-url");
    }

    [Fact]
    public async Task HelpAndVersion_ExitZero()
    {
        var help = await _run.RunAsync("--help");
        var version = await _run.RunAsync("version");

        help.ExitCode.Should().Be(0);
        help.Stdout.Should().Contain("register-devices");
        version.ExitCode.Should().Be(0);
        version.Stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task NoTargetEnabled_ExitsTwo_SayingWhichInputsEnableOne()
    {
        _run.AddFile("build/app.apk", SampleArtifacts.Apk());

        var run = await _run.RunAsync("--artifacts", "build/*.apk");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().Contain("fenfa-url").And.Contain("aptoide-repo");
    }

    /// <summary>A source update needs an app's size: with a marketplace ID but no .ipa, that is the inputs' fault.</summary>
    [Fact]
    public async Task ASourceUpdateWithoutAnIpa_ExitsTwo_NamingWhatIsMissing_BeforeAnyRequest()
    {
        _run.AddFile("build/app.apk", SampleArtifacts.Apk());
        _run.AddFile("source.json", "{\"name\": \"Labs\", \"apps\": []}"u8.ToArray());

        var run = await _run.RunAsync("altstore", "--artifacts", "build/*.apk", "--altstore-source-file", "source.json",
            "--altstore-marketplace-id", "6740000001", "--version", "2.5.0", "--build-number", "431",
            "--altstore-api-url", "http://127.0.0.1:9/");

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("altstore-source-file").And.Contain("the size (an .ipa artifact, or altstore-adp-id for the ADP's)");
        run.Summary.Should().Contain("Invalid input");
    }

    /// <summary>README promises the summary and outputs "in every case": a bad command line is one.</summary>
    [Theory]
    [InlineData("publsh")]
    [InlineData("--fenfa-ulr")]
    public async Task BadCommandLine_ExitsTwo_WithASummaryAndTheResultOutput(string badArgument)
    {
        _run.Input("fenfa-token", "canary-token-4e7a1b9c");
        var run = badArgument.StartsWith('-')
            ? await _run.RunAsync("publish", badArgument, "https://x.example.com")
            : await _run.Input("command", badArgument).RunAsync();

        run.ExitCode.Should().Be(2);
        run.Summary.Should().Contain("Invalid command line");
        run.Outputs.Should().ContainKey("result");
        JsonDocument.Parse(run.Outputs["result"]).RootElement.GetProperty("error").GetString().Should().Contain(badArgument.TrimStart('-'));
        run.Everything.Should().NotContain("canary-token-4e7a1b9c");
        _fenfa.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task GlobMatchingNothing_NamesTheArtifactsInput()
    {
        _run.Input("fenfa-url", _fenfa.BaseUrl.ToString()).Input("fenfa-token", "t").Input("fenfa-product", "lumen");

        var run = await _run.Input("artifacts", "build/*.ipa").RunAsync();

        run.ExitCode.Should().Be(2);
        (run.Stdout + run.Stderr).Should().Contain("artifacts: No artifact file matched the pattern 'build/*.ipa'");
        run.Summary.Should().Contain("artifacts: No artifact file matched");
        _fenfa.Journal.Count.Should().Be(0);
    }
}
