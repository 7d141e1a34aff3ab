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
