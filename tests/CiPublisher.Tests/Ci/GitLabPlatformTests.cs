using CiPublisher.Ci;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.Tests.Ci;

/// <summary>The dotenv report and the log-section lines GitLab reads (contract ci-platforms §3).</summary>
public sealed class GitLabPlatformTests : IDisposable
{
    private const string Esc = "\u001b";
    private readonly string _project = Directory.CreateTempSubdirectory("cipublisher-gl-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_760_000_000));

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private string[] Lines => _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private GitLabPlatform Platform(Dictionary<string, string>? extra = null, string dotenvFile = "cipublisher.env")
    {
        var environment = new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["CI_PROJECT_DIR"] = _project };
        foreach (var (k, v) in extra ?? []) environment[k] = v;
        return new GitLabPlatform(environment, _stdout, "/somewhere/else", dotenvFile, _time);
    }

    [Fact]
    public void Outputs_GoToTheDotenvReport_InTheProjectDirectory_WithPrefixedKeys()
    {
        var platform = Platform();
        platform.SetOutput("release-id", "rel_e7a41c0d93b25f16");
        platform.SetOutput("download-url", "https://fenfa.example.com/d/rel_e7a41c0d93b25f16");
        platform.SetOutput("devices-registered", "0");

        File.ReadAllText(Path.Combine(_project, "cipublisher.env")).Should().Be(
            "CIPUBLISHER_OUT_RELEASE_ID=rel_e7a41c0d93b25f16\n" +
            "CIPUBLISHER_OUT_DOWNLOAD_URL=https://fenfa.example.com/d/rel_e7a41c0d93b25f16\n" +
            "CIPUBLISHER_OUT_DEVICES_REGISTERED=0\n");
        _stdout.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\n  \"a\": 1\n}", "no multi-line values")]
    [InlineData("[{\"target\":\"Fenfa\",\"name\":\"Lumen Beta\"}]", "no values with spaces")]
    public void ValuesTheFormatCannotHold_AreLeftOut_WithAWarning(string value, string reason)
    {
        Platform().SetOutput("result", value);

        File.Exists(Path.Combine(_project, "cipublisher.env")).Should().BeFalse();
        Lines.Should().ContainSingle().Which.Should()
            .StartWith($"{Esc}[33;1mWARNING: Output 'result' is left out of the dotenv report cipublisher.env:").And.Contain(reason);
    }

    [Fact]
    public void TheReport_StaysUnderFiveKilobytes()
    {
        var platform = Platform(dotenvFile: "out/vars.env");
        var longValue = new string('x', 3000);
        platform.SetOutput("page-url", longValue);
        platform.SetOutput("install-url", longValue);

        var file = Path.Combine(_project, "out", "vars.env");
        File.ReadAllText(file).Should().Be($"CIPUBLISHER_OUT_PAGE_URL={longValue}\n");
        new FileInfo(file).Length.Should().BeLessThanOrEqualTo(GitLabDotenv.LimitBytes);
        Lines.Should().ContainSingle().Which.Should().Contain("'install-url'").And.Contain("5 KB");
    }

    [Fact]
    public void Groups_AreCollapsibleSections_WithTimestampsAndMatchingNames()
    {
        var platform = Platform();
        platform.BeginGroup("Fenfa upload");
        _time.Advance(TimeSpan.FromSeconds(42));
        platform.EndGroup();

        Lines.Should().Equal(
            $"{Esc}[0Ksection_start:1760000000:cipublisher_1[collapsed=true]\r{Esc}[0KFenfa upload",
            $"{Esc}[0Ksection_end:1760000042:cipublisher_1\r{Esc}[0K");
    }

    [Fact]
    public void Summary_IsPrintedInAnOpenSection_AndKeptAsAFile()
    {
        Platform().AppendSummary("## Published\n| Lumen | 2.4.1 |\n");

        Lines.Should().Equal(
            $"{Esc}[0Ksection_start:1760000000:cipublisher_1\r{Esc}[0KSummary",
            "## Published",
            "| Lumen | 2.4.1 |",
            $"{Esc}[0Ksection_end:1760000000:cipublisher_1\r{Esc}[0K");
        File.ReadAllText(Path.Combine(_project, "cipublisher-summary.md")).Should().Be("## Published\n| Lumen | 2.4.1 |\n");
    }

    [Fact]
    public void TheLog_ShowsAQrCodesLink_WhereTheSummaryHasItsImage()
    {
        const string Row = "| iOS | `Lumen.ipa` | [download](https://x.test/Lumen.ipa) | ![QR code](https://x.test/qr-Lumen.ipa.png) |";

        Platform().AppendSummary(Row + "\n");

        Lines.Should().Contain("| iOS | `Lumen.ipa` | [download](https://x.test/Lumen.ipa) | QR code: https://x.test/qr-Lumen.ipa.png |");
        File.ReadAllText(Path.Combine(_project, "cipublisher-summary.md")).Should().Be(Row + "\n", "the file keeps the Markdown");
    }

    [Fact]
    public void Mask_PrintsNothing_BecauseGitLabCannotMaskFromInsideAJob()
    {
        Platform().Mask("glpat-secret-value");

        _stdout.ToString().Should().BeEmpty();
    }

    [Fact]
    public void ErrorsAndWarnings_AreColouredLines()
    {
        var platform = Platform();

        platform.FormatLogLine(LogLevel.Error, "Fenfa answered 403").Should().Be($"{Esc}[31;1mERROR: Fenfa answered 403{Esc}[0m");
        platform.FormatLogLine(LogLevel.Warning, "slow").Should().Be($"{Esc}[33;1mWARNING: slow{Esc}[0m");
        platform.FormatLogLine(LogLevel.Information, "plain").Should().Be("plain");
    }

    [Fact]
    public void MergeRequestPipeline_GivesTheIidAsThePullRequestNumber()
    {
        var context = Platform(new Dictionary<string, string>
        {
            ["CI_PROJECT_PATH"] = "octo/lumen",
            ["CI_COMMIT_REF_NAME"] = "feature/login",
            ["CI_COMMIT_SHA"] = "0123456789abcdef0123456789abcdef01234567",
            ["CI_PIPELINE_SOURCE"] = "merge_request_event",
            ["CI_MERGE_REQUEST_IID"] = "73",
            ["CI_JOB_URL"] = "https://gitlab.example.com/octo/lumen/-/jobs/991",
        }).ReadContext();

        context.Platform.Should().Be("gitlab");
        context.PullRequestNumber.Should().Be(73);
        context.Ref.Should().Be("refs/merge-requests/73/head");
        context.RefName.Should().Be("feature/login");
        context.IsTag.Should().BeFalse();
        context.Repository.Should().Be("octo/lumen");
        context.EventName.Should().Be("merge_request_event");
        context.RunUrl.Should().Be("https://gitlab.example.com/octo/lumen/-/jobs/991");
    }

    [Fact]
    public void TagPipeline_IsATag()
    {
        var context = Platform(new Dictionary<string, string> { ["CI_COMMIT_TAG"] = "v2.4.1", ["CI_COMMIT_REF_NAME"] = "v2.4.1" }).ReadContext();

        context.IsTag.Should().BeTrue();
        context.Ref.Should().Be("refs/tags/v2.4.1");
        context.RefName.Should().Be("v2.4.1");
        context.PullRequestNumber.Should().BeNull();
    }
}
