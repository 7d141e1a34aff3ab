using CiPublisher.Emulators.Samples;

namespace CiPublisher.IntegrationTests.Packaging;

/// <summary>The program in a GitLab CI job (GITLAB_CI=true): the dotenv report, log sections, and no secret anywhere.</summary>
public sealed class GitLabContractTests : IDisposable
{
    private const string Token = "gl-tok-a94e03b7c55d-canary";
    private readonly CiJobRun _job;

    public GitLabContractTests()
    {
        _job = new CiJobRun(new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_COMMIT_TAG"] = "v2.4.1",
            ["CI_COMMIT_REF_NAME"] = "v2.4.1",
            ["CI_COMMIT_SHA"] = "0123456789abcdef0123456789abcdef01234567",
            ["CI_PROJECT_PATH"] = "octo/lumen",
        });
        _job.Environment["CI_PROJECT_DIR"] = _job.Checkout;
        _job.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        _job.Input("artifacts", "build/*.apk").Input("retry-base-delay", "0.05s")
            .Input("fenfa-url", "https://fenfa.example.com").Input("fenfa-token", Token).Input("fenfa-product", "lumen").Input("dry-run", "true");
    }

    public void Dispose() => _job.Dispose();

    [Fact]
    public async Task DryRunPublish_WritesTheDotenvReport_WithOnlyValuesTheFormatHolds()
    {
        var (exit, stdout, stderr) = await _job.RunAsync();

        exit.Should().Be(0, stderr + stdout);
        var dotenv = File.ReadAllText(Path.Combine(_job.Checkout, "cipublisher.env"));
        var lines = dotenv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty().And.OnlyContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^CIPUBLISHER_OUT_[A-Z0-9_]+=[^\\s]*$"));
        dotenv.Should().NotContain("CIPUBLISHER_OUT_RESULT=", "the JSON report has spaces or newlines");
        stdout.Should().Contain("\u001b[33;1mWARNING: Output 'result' is left out of the dotenv report cipublisher.env:");
        dotenv.Length.Should().BeLessThanOrEqualTo(5 * 1024);
    }

    [Fact]
    public async Task TheSummary_IsInALogSection_AndInAFile()
    {
        var (exit, stdout, _) = await _job.RunAsync();

        exit.Should().Be(0);
        stdout.Should().MatchRegex(@"\u001b\[0Ksection_start:\d+:cipublisher_1\r\u001b\[0KSummary\n");
        stdout.Should().MatchRegex(@"\u001b\[0Ksection_end:\d+:cipublisher_1\r\u001b\[0K");
        File.ReadAllText(Path.Combine(_job.Checkout, "cipublisher-summary.md")).Should().Contain("dry run").And.Contain("app-release.apk").And.Contain("product 'lumen'");
    }

    [Fact]
    public async Task TheToken_IsNeverPrinted_BecauseGitLabCannotMaskAtRunTime()
    {
        var (_, stdout, stderr) = await _job.RunAsync();

        (stdout + stderr).Should().NotContain(Token);
        File.ReadAllText(Path.Combine(_job.Checkout, "cipublisher.env")).Should().NotContain(Token);
        File.ReadAllText(Path.Combine(_job.Checkout, "cipublisher-summary.md")).Should().NotContain(Token);
    }

    [Fact]
    public async Task TheDotenvPath_ComesFromItsInput()
    {
        _job.Input("gitlab-dotenv-file", "reports/publish.env");

        var (exit, _, _) = await _job.RunAsync();

        exit.Should().Be(0);
        File.Exists(Path.Combine(_job.Checkout, "reports", "publish.env")).Should().BeTrue();
        File.Exists(Path.Combine(_job.Checkout, "cipublisher.env")).Should().BeFalse();
    }
}
