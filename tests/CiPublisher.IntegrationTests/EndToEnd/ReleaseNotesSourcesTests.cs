using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary><c>release-notes-from</c>: the notes every target takes, from the checkout's history or from the pull request.</summary>
public sealed class ReleaseNotesSourcesTests : IAsyncLifetime
{
    private const string Token = "ghs_NotesCanary3Rv6Yp1Hd8Mc";
    private const string Repository = "octo-org/lumen";

    private readonly FenfaEmulator _fenfa = new();
    private readonly GitHubEmulator _github = new(Token);
    private readonly GitHubActionRun _run = new();

    public async Task InitializeAsync()
    {
        await _fenfa.StartAsync();
        await _github.StartAsync();
        _github.AddRepository(Repository);
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        _run.Input("artifacts", "build/*.ipa").Input("fenfa-url", _fenfa.BaseUrl.ToString())
            .Input("fenfa-token", "dev-admin-token").Input("fenfa-product", "lumen");
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _github.DisposeAsync();
        await _fenfa.DisposeAsync();
    }

    private void Git(params string[] args) => GitCommandLine.Run(_run.Workspace, null, args);

    [GitFact]
    public async Task FromGit_TheCommitSubjectsSinceThePreviousTag_ReachTheTargets()
    {
        Git("init", "-q", "-b", "main");
        Git("commit", "-q", "--allow-empty", "-m", "Initial import");
        Git("tag", "v2.4.0");
        Git("commit", "-q", "--allow-empty", "-m", "Fix the crash on start");
        Git("commit", "-q", "--allow-empty", "-m", "Add dark mode");
        Git("tag", "v2.4.1");
        _run.Input("release-notes-from", "git");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        _fenfa.Releases.Single().Changelog.Should().Be("- Add dark mode\n- Fix the crash on start");
    }

    [Fact]
    public async Task FromGit_OutsideACheckout_IsAnInputError_BeforeAnyRequest()
    {
        _run.Input("release-notes-from", "git");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("release-notes-from").And.Contain("not in a git checkout");
        _fenfa.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task FromPr_ThePullRequestsTitleAndBody_ReachTheTargets_AndGivenNotesWin()
    {
        _github.SeedPullRequest(Repository, 42, "Dark mode", "Adds a dark theme.\n\nCloses #7.");
        _run.Input("release-notes-from", "pr").Input("github-pr-number", "42")
            .Input("github-token", Token).Input("github-api-url", _github.BaseUrl.ToString());

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        _fenfa.Releases.Single().Changelog.Should().Be("Dark mode\n\nAdds a dark theme.\n\nCloses #7.");
        run.Everything.Should().NotContain(Token);
    }

    [Fact]
    public async Task AnUnknownSource_IsAnInputErrorNamingIt()
    {
        _run.Input("release-notes-from", "changelog");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("release-notes-from").And.Contain("'changelog'");
    }
}
