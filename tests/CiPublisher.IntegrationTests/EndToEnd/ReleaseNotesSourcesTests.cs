using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary><c>release-notes-from</c>: the notes every target takes, from the checkout's history or from the pull request.</summary>
public sealed class ReleaseNotesSourcesTests() : FenfaAndGitHubRun("ghs_NotesCanary3Rv6Yp1Hd8Mc")
{
    private void Git(params string[] args) => GitCommandLine.Run(Run.Workspace, null, args);

    [GitFact]
    public async Task FromGit_TheCommitSubjectsSinceThePreviousTag_ReachTheTargets()
    {
        Git("init", "-q", "-b", "main");
        Git("commit", "-q", "--allow-empty", "-m", "Initial import");
        Git("tag", "v2.4.0");
        Git("commit", "-q", "--allow-empty", "-m", "Fix the crash on start");
        Git("commit", "-q", "--allow-empty", "-m", "Add dark mode");
        Git("tag", "v2.4.1");
        Run.Input("release-notes-from", "git");

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        Fenfa.Releases.Single().Changelog.Should().Be("- Add dark mode\n- Fix the crash on start");
    }

    [Fact]
    public async Task FromGit_OutsideACheckout_IsAnInputError_BeforeAnyRequest()
    {
        Run.Input("release-notes-from", "git");

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("release-notes-from").And.Contain("not in a git checkout");
        Fenfa.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task FromPr_ThePullRequestsTitleAndBody_ReachTheTargets_AndGivenNotesWin()
    {
        GitHub.SeedPullRequest(Repository, 42, "Dark mode", "Adds a dark theme.\n\nCloses #7.");
        Run.Input("release-notes-from", "pr").Input("github-pr-number", "42")
            .Input("github-token", Token).Input("github-api-url", GitHub.BaseUrl.ToString());

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        Fenfa.Releases.Single().Changelog.Should().Be("Dark mode\n\nAdds a dark theme.\n\nCloses #7.");
        run.Everything.Should().NotContain(Token);
    }

    /// <summary>The pull request is read before the targets run, and still counts towards GitHub's api-calls like every request.</summary>
    [Fact]
    public async Task FromPr_TheRequestForTheNotes_CountsTowardsGitHubsApiCalls()
    {
        GitHub.SeedPullRequest(Repository, 42, "Dark mode", "Adds a dark theme.");
        Run.Input("release-notes-from", "pr").Input("github-pr-number", "42").Input("github-release", "true")
            .Input("github-token", Token).Input("github-api-url", GitHub.BaseUrl.ToString());

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var github = System.Text.Json.JsonDocument.Parse(run.Outputs["result"]).RootElement.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("target").GetString() == "GitHub");
        github.GetProperty("figures").GetProperty("api-calls").GetString().Should().Be(GitHub.Journal.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "every request the GitHub server saw, the pull request's included, is counted");
        GitHub.Journal.Entries.Should().Contain(e => e.Path.EndsWith("/pulls/42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FromPr_OnATagBuild_ThePullRequestThatBroughtTheCommitIn()
    {
        GitHub.SeedPullRequest(Repository, 57, "Faster sync", "Syncs in the background.", mergeCommit: Run.Environment["GITHUB_SHA"]);
        Run.Input("release-notes-from", "pr").Input("github-token", Token).Input("github-api-url", GitHub.BaseUrl.ToString());

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        Fenfa.Releases.Single().Changelog.Should().Be("Faster sync\n\nSyncs in the background.");
    }

    [Fact]
    public async Task AnUnknownSource_IsAnInputErrorNamingIt()
    {
        Run.Input("release-notes-from", "changelog");

        var run = await Run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("release-notes-from").And.Contain("'changelog'");
    }
}
