using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>The real program on a pull_request run and on a tag run: the comment and the release section, never duplicated.</summary>
public sealed class GitHubWriteBackEndToEndTests() : FenfaAndGitHubRun("ghs_EndToEndCanary4Kp8Zq2Wm6Xt")
{
    protected override void GiveInputs() => Run.Input("github-token", Token).Input("github-api-url", GitHub.BaseUrl.ToString());

    [Fact]
    public async Task PullRequestRuns_KeepOneCommentWithTheDistributionResult()
    {
        Run.AsPullRequest(7).Input("github-pr-comment", "true");

        for (var i = 0; i < 3; i++)
        {
            var run = await Run.RunAsync();
            run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
            run.Everything.Should().NotContain(Token);
        }

        var comment = GitHub.Comments(Repository, 7).Should().ContainSingle().Which;
        comment.Body.Should().Contain(Fenfa.Releases.Single().Id);
        comment.Body.Should().Contain("📲 install").And.Contain("[install page (Fenfa)](", "a reviewer installs the build from the comment");
        Fenfa.Releases.Should().ContainSingle();
    }

    [Fact]
    public async Task TagRuns_WriteOneSectionIntoTheRelease_LeavingTheUsersTextAlone()
    {
        GitHub.SeedRelease(Repository, "v2.4.1", "Hand-written notes.");
        Run.Input("github-release", "true");

        (await Run.RunAsync()).ExitCode.Should().Be(0);
        var rerun = await Run.RunAsync();

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        var body = GitHub.Releases(Repository).Should().ContainSingle().Which.Body;
        body.Should().StartWith("Hand-written notes.");
        body.Split("<!-- ci-publisher:start -->").Should().HaveCount(2, "exactly one section");
        body.Should().Contain(Fenfa.Releases.Single().Id);
    }

    /// <summary>
    /// The whole program on Azure Pipelines' and GitLab's pull-request builds of a GitHub repository: each CI's own
    /// variables make it a pull-request run, and the comment lands on the number that CI gives.
    /// </summary>
    [Theory]
    [InlineData("azure")]
    [InlineData("gitlab")]
    public async Task PullRequestBuildsOfOtherCis_CommentOnThePullRequest(string platform)
    {
        AsAnotherCi(platform);
        Run.Input("github-pr-comment", "true").Input("github-release", "true");

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        // Azure masks a secret only after being told it with ##vso[task.setsecret]; no other line may hold it.
        run.Everything.Split('\n').Where(line => !line.StartsWith("##vso[task.setsecret]", StringComparison.Ordinal))
            .Should().NotContain(line => line.Contains(Token, StringComparison.Ordinal));
        GitHub.Comments(Repository, 31).Should().ContainSingle().Which.Body.Should().Contain(Fenfa.Releases.Single().Id);
        GitHub.Releases(Repository).Should().BeEmpty("pull-request builds leave releases alone");
    }

    /// <summary>
    /// A tag build on Azure Pipelines shows the Install table with its QR code in the summary it uploads (Azure renders
    /// Markdown images); GitLab's log, which shows no image, gets each QR code's link instead.
    /// </summary>
    [Theory]
    [InlineData("azure")]
    [InlineData("gitlab")]
    public async Task TagBuildsOfOtherCis_ShowTheInstallTable_AsEachCanShowIt(string platform)
    {
        Run.Input("github-release-assets", "true");
        AsAnotherCi(platform);
        var tag = platform == "azure"
            ? new Dictionary<string, string> { ["BUILD_REASON"] = "IndividualCI", ["BUILD_SOURCEBRANCH"] = "refs/tags/v2.4.1", ["AGENT_TEMPDIRECTORY"] = Run.Workspace }
            : new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "push", ["CI_COMMIT_TAG"] = "v2.4.1", ["CI_COMMIT_REF_NAME"] = "v2.4.1" };
        foreach (var (name, value) in tag) Run.Environment[name] = value;
        foreach (var name in new[] { "SYSTEM_PULLREQUEST_PULLREQUESTNUMBER", "SYSTEM_PULLREQUEST_PULLREQUESTID", "CI_EXTERNAL_PULL_REQUEST_IID" })
            Run.Environment.Remove(name);

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var qr = $"{GitHub.BaseUrl}{Repository}/releases/download/v2.4.1/qr-Lumen.ipa.png";
        if (platform == "azure")
        {
            var upload = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
            File.ReadAllText(upload["##vso[task.uploadsummary]".Length..]).Should().Contain("### 📲 Install").And.Contain($"![QR code]({qr})")
                .And.Contain("[install page (Fenfa)](");
        }
        else
        {
            run.Stdout.Should().Contain($"QR code: {qr}").And.Contain("[install page (Fenfa)](").And.NotContain("![QR code]");
        }
    }

    /// <summary>Inputs as CIPUBLISHER_* variables, and the CI's own variables instead of GitHub's.</summary>
    private void AsAnotherCi(string platform)
    {
        foreach (var name in Run.Environment.Keys.ToList())
        {
            if (name.StartsWith("INPUT_", StringComparison.Ordinal))
                Run.Environment["CIPUBLISHER_" + name["INPUT_".Length..].Replace('-', '_')] = Run.Environment[name];
            if (name.StartsWith("INPUT_", StringComparison.Ordinal) || name is "GITHUB_ACTIONS" or "GITHUB_EVENT_NAME" or "GITHUB_REF")
                Run.Environment.Remove(name);
        }
        var variables = platform == "azure"
            ? new Dictionary<string, string>
            {
                ["TF_BUILD"] = "True", ["BUILD_REASON"] = "PullRequest", ["BUILD_REPOSITORY_PROVIDER"] = "GitHub",
                ["BUILD_REPOSITORY_NAME"] = Repository, ["BUILD_SOURCEBRANCH"] = "refs/pull/31/merge",
                ["BUILD_SOURCEVERSION"] = "fedcba9876543210fedcba9876543210fedcba98",
                ["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] = "31", ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "987654321",
            }
            : new Dictionary<string, string>
            {
                ["GITLAB_CI"] = "true", ["CI_PIPELINE_SOURCE"] = "external_pull_request_event",
                ["CI_EXTERNAL_PULL_REQUEST_IID"] = "31", ["CI_COMMIT_SHA"] = "fedcba9876543210fedcba9876543210fedcba98",
                ["CI_PROJECT_PATH"] = "octo-group/lumen-mirror", ["CI_COMMIT_REF_NAME"] = "feature/login",
                ["CIPUBLISHER_GITHUB_REPOSITORY"] = Repository,
            };
        foreach (var (name, value) in variables) Run.Environment[name] = value;
    }
}
