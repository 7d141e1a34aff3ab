using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>The real program on a pull_request run and on a tag run: the comment and the release section, never duplicated.</summary>
public sealed class GitHubWriteBackEndToEndTests : IAsyncLifetime
{
    private const string Token = "ghs_EndToEndCanary4Kp8Zq2Wm6Xt";
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
            .Input("fenfa-token", "dev-admin-token").Input("fenfa-product", "lumen")
            .Input("github-token", Token).Input("github-api-url", _github.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _github.DisposeAsync();
        await _fenfa.DisposeAsync();
    }

    [Fact]
    public async Task PullRequestRuns_KeepOneCommentWithTheDistributionResult()
    {
        var eventFile = _run.AddFile("event.json", """{"pull_request": {"number": 7}}"""u8.ToArray());
        _run.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        _run.Environment["GITHUB_EVENT_PATH"] = eventFile;
        _run.Environment["GITHUB_REF"] = "refs/pull/7/merge";
        _run.Environment["GITHUB_REF_NAME"] = "7/merge";
        _run.Environment["GITHUB_REF_TYPE"] = "branch";
        _run.Input("github-pr-comment", "true");

        for (var i = 0; i < 3; i++)
        {
            var run = await _run.RunAsync();
            run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
            run.Everything.Should().NotContain(Token);
        }

        var comment = _github.Comments(Repository, 7).Should().ContainSingle().Which;
        comment.Body.Should().Contain(_fenfa.Releases.Single().Id);
        _fenfa.Releases.Should().ContainSingle();
    }

    [Fact]
    public async Task TagRuns_WriteOneSectionIntoTheRelease_LeavingTheUsersTextAlone()
    {
        _github.SeedRelease(Repository, "v2.4.1", "Hand-written notes.");
        _run.Input("github-release", "true");

        (await _run.RunAsync()).ExitCode.Should().Be(0);
        var rerun = await _run.RunAsync();

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        var body = _github.Releases(Repository).Should().ContainSingle().Which.Body;
        body.Should().StartWith("Hand-written notes.");
        body.Split("<!-- ci-publisher:start -->").Should().HaveCount(2, "exactly one section");
        body.Should().Contain(_fenfa.Releases.Single().Id);
    }
}
