using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.Emulators.GitHub;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;

namespace CiPublisher.IntegrationTests.GitHub;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class GitHubFailureTests : IAsyncLifetime
{
    private const string Repo = GitHubHarness.Repository;
    private const string TagPath = "/repos/octo-org/app/releases/tags/v1.4.0";
    private GitHubHarness _github = null!;

    public async Task InitializeAsync() => _github = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task PrimaryRateLimit_ResettingSoon_IsWaitedOutOnTheInjectedClock()
    {
        _github.Emulator.Faults.Add(GitHubFaults.PrimaryRateLimit("GET", TagPath, _github.Time.GetUtcNow().AddSeconds(30)));

        var run = _github.RunAsync(_github.Settings(), GitHubHarness.Report());
        var advanced = await _github.Time.AdvanceUntilDoneAsync(run);
        var result = await run;

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _github.Logs.Text.Should().Contain("waiting 30s");
        advanced.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        _github.Emulator.Journal.CountOf("GET", TagPath).Should().Be(2);
        _github.Emulator.Releases(Repo).Should().ContainSingle();
    }

    [Fact]
    public async Task SecondaryRateLimit_On429WithRetryAfter_IsWaitedOut_AndTheCommentIsNotDuplicated()
    {
        const string commentsPath = "/repos/octo-org/app/issues/3/comments";
        _github.Emulator.Faults.Add(GitHubFaults.SecondaryRateLimit("POST", commentsPath, retryAfterSeconds: 20, status: 429));

        var run = _github.RunAsync(_github.Settings(release: false, comment: true, context: GitHubHarness.PullRequest(3)),
            GitHubHarness.Report());
        (await _github.Time.AdvanceUntilDoneAsync(run)).Should().BeGreaterThan(TimeSpan.FromSeconds(19), "the rate limit had not reset yet");
        var result = await run;

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _github.Emulator.Journal.CountOf("POST", commentsPath).Should().Be(2);
        _github.Emulator.Comments(Repo, 3).Should().ContainSingle();
    }

    [Fact]
    public async Task PrimaryRateLimit_ResettingFarAhead_FailsTheTarget_WithWhenToRerun()
    {
        _github.Emulator.Faults.Add(GitHubFaults.PrimaryRateLimit("GET", TagPath, _github.Time.GetUtcNow().AddMinutes(45)));

        var result = await _github.RunAsync(_github.Settings(), GitHubHarness.Report()).WaitAsync(TimeSpan.FromSeconds(30));

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("rate limit").And.Contain("resets in 45 min").And.Contain("09:45:00Z").And.Contain("re-run");
        _github.Emulator.Journal.CountOf("GET", TagPath).Should().Be(1);
        _github.Emulator.Journal.CountOf("POST", "/repos/").Should().Be(0);
    }

    [Fact]
    public async Task RateLimitThatKeepsComingBack_FailsAfterAFewWaits_InsteadOfWaitingForever()
    {
        _github.Emulator.Faults.Add(GitHubFaults.SecondaryRateLimit("GET", TagPath, retryAfterSeconds: 5), times: 4);

        var run = _github.RunAsync(_github.Settings(), GitHubHarness.Report());
        (await _github.Time.AdvanceUntilDoneAsync(run)).Should().BeGreaterThan(TimeSpan.FromSeconds(4), "the rate limit had not reset yet");
        var result = await run;

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("still limited after waiting 3 times");
        _github.Emulator.Journal.CountOf("GET", TagPath).Should().Be(4);
        _github.Emulator.Releases(Repo).Should().BeEmpty();
    }

    [Fact]
    public async Task MissingContentsPermission_NamesIt()
    {
        _github.Emulator.DenyWrite("contents");

        var result = await _github.RunAsync(_github.Settings(), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("403").And.Contain("Resource not accessible by integration")
            .And.Contain("permissions: contents: write");
    }

    [Fact]
    public async Task MissingPullRequestsPermission_NamesIt()
    {
        _github.Emulator.DenyWrite("pull-requests");

        var result = await _github.RunAsync(_github.Settings(release: false, comment: true, context: GitHubHarness.PullRequest(5)),
            GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Items.Single().Reason.Should().Contain("403").And.Contain("permissions: pull-requests: write")
            .And.Contain("GitHub accepts: issues=write; pull_requests=write");
        _github.Emulator.Comments(Repo, 5).Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownRepository_SaysToCheckTheRepositoryAndTheTokensAccess()
    {
        var result = await _github.RunAsync(_github.Settings(repository: "octo-org/nope"), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("404").And.Contain("github-repository ('octo-org/nope')").And.Contain("token can access");
    }

    [Fact]
    public async Task NoTokenInAnyResultOrLog_WhetherItSucceedsIsRejectedOrIsRefused()
    {
        // The token reaches the server...
        var success = await _github.RunAsync(_github.Settings(comment: true, context: GitHubHarness.PullRequest(9)), GitHubHarness.Report());
        _github.Emulator.Journal.Entries.Should().OnlyContain(e => string.Equals(e.Headers["Authorization"], "token " + GitHubHarness.Token,
            StringComparison.OrdinalIgnoreCase));

        // ...and nowhere else: not on success, not on a 403, not when GitHub rejects a wrong token.
        _github.Emulator.DenyWrite("contents");
        _github.Emulator.SeedRelease(Repo, "v9.9.9", "body");
        var refused = await _github.RunAsync(_github.Settings(version: "9.9.9"), GitHubHarness.Report());
        const string wrongToken = "ghp_WrongCanary4Hn8Bq2Xv6Ls1Jd9";
        var rejected = await _github.RunAsync(_github.Settings(token: wrongToken), GitHubHarness.Report());

        refused.Outcome.Should().Be(Outcome.Failed);
        rejected.Outcome.Should().Be(Outcome.Failed);
        rejected.Reason.Should().Contain("401").And.Contain("Bad credentials").And.Contain("check github-token");
        var everything = JsonSerializer.Serialize(new[] { success, refused, rejected }) + _github.Logs.Text;
        everything.Should().NotContain(GitHubHarness.Token).And.NotContain(wrongToken).And.NotContain("Canary");
        _github.Logs.Lines.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Gateway_TurnsOctokitFailuresIntoTheToolsOwnException()
    {
        _github.Emulator.DenyWrite("contents");
        var client = GitHubClientFactory.Create(_github.Settings().Module<GitHubSettings>()!);
        var gateway = new GitHubGateway(new RepositoryName("octo-org", "app"), _github.Time, new SecretRegistry(), NullLogger.Instance);

        var create = () => gateway.CallAsync(new GitHubOperation("create the release v1", GitHubOperation.ContentsWrite),
            () => client.Repository.Release.Create("octo-org", "app", new NewRelease("v1")), CancellationToken.None);

        var thrown = (await create.Should().ThrowAsync<RemoteServiceException>()).Which;
        thrown.Service.Should().Be("GitHub");
        thrown.Kind.Should().Be(RemoteFailureKind.Permission);
        thrown.StatusCode.Should().Be(403);
        thrown.InnerException.Should().BeOfType<ForbiddenException>();
        thrown.Message.Should().Contain("GitHub accepts: contents=write");
    }
}
