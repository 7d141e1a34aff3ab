using System.Text;
using CiPublisher.Ci;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Tests.Ci;

public sealed class GitHubActionsPlatformTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cipublisher-gha-").FullName;
    private readonly StringWriter _stdout = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string OutputFile => Path.Combine(_folder, "output");
    private string SummaryFile => Path.Combine(_folder, "summary");

    private GitHubActionsPlatform Platform(Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        };
        foreach (var (k, v) in extra ?? []) environment[k] = v;
        return new GitHubActionsPlatform(environment, _stdout);
    }

    [Fact]
    public void Outputs_ParseBackWithTheRunnersRules_SingleAndMultiLine()
    {
        var platform = Platform();
        var json = "{\n  \"a\": 1,\n  \"text\": \"EOF\"\n}\nEOF";

        platform.SetOutput("release-id", "rel_0123456789abcdef");
        platform.SetOutput("result", json);
        platform.SetOutput("empty", "");

        var outputs = GitHubFileCommandParser.Parse(File.ReadAllText(OutputFile));
        outputs.Should().Equal(new Dictionary<string, string> { ["release-id"] = "rel_0123456789abcdef", ["result"] = json, ["empty"] = "" });
    }

    [Fact]
    public void MultiLineOutputs_UseAFreshRandomDelimiterEachTime()
    {
        var first = GitHubActionsPlatform.FileCommand("a", "x\ny");
        var second = GitHubActionsPlatform.FileCommand("a", "x\ny");

        first.Split('\n')[0].Should().StartWith("a<<ghadelimiter_");
        first.Split('\n')[0].Should().NotBe(second.Split('\n')[0]);
    }

    [Fact]
    public void Summary_IsAppended_AndKeptUnderTheOneMebibyteLimitWithANote()
    {
        File.WriteAllText(SummaryFile, "earlier step\n");
        var platform = Platform();
        var huge = string.Concat(Enumerable.Repeat("| row | with ünïcode |\n", 80_000));

        platform.AppendSummary(huge);

        var written = File.ReadAllText(SummaryFile);
        Encoding.UTF8.GetByteCount(written).Should().BeLessThanOrEqualTo(GitHubActionsPlatform.SummaryLimitBytes);
        written.Should().StartWith("earlier step\n").And.Contain("Summary cut");
    }

    [Fact]
    public void SmallSummary_IsWrittenWhole()
    {
        Platform().AppendSummary("## Published\n");

        File.ReadAllText(SummaryFile).Should().Be("## Published\n");
    }

    [Fact]
    public void Mask_WritesAddMaskEscaped()
    {
        Platform().Mask("a%b");

        _stdout.ToString().Should().Be("::add-mask::a%25b" + Environment.NewLine);
    }

    [Theory]
    [InlineData(LogLevel.Error, "::error title=CiPublisher::bad%0Anews")]
    [InlineData(LogLevel.Warning, "::warning title=CiPublisher::bad%0Anews")]
    [InlineData(LogLevel.Information, "bad\nnews")]
    public void WarningsAndErrors_BecomeAnnotations(LogLevel level, string expected)
    {
        Platform().FormatLogLine(level, "bad\nnews").Should().Be(expected);
    }

    [Fact]
    public void Context_ComesFromTheRunnersVariables_AndThePullRequestFromTheEventPayload()
    {
        var eventFile = Path.Combine(_folder, "event.json");
        File.WriteAllText(eventFile, """{"pull_request": {"number": 42}}""");

        var context = Platform(new()
        {
            ["GITHUB_REPOSITORY"] = "octo/app",
            ["GITHUB_RUN_ID"] = "99",
            ["GITHUB_REF"] = "refs/tags/v2.4.1",
            ["GITHUB_REF_NAME"] = "v2.4.1",
            ["GITHUB_REF_TYPE"] = "tag",
            ["GITHUB_EVENT_PATH"] = eventFile,
        }).ReadContext();

        context.Repository.Should().Be("octo/app");
        context.IsTag.Should().BeTrue();
        context.RunUrl.Should().Be("https://github.com/octo/app/actions/runs/99");
        context.PullRequestNumber.Should().Be(42);
    }
}
