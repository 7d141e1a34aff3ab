using CiPublisher.Core.Reporting;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.GitHub;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class GitHubPullRequestCommentTests : IAsyncLifetime
{
    private const string Repo = GitHubHarness.Repository;
    private GitHubHarness _github = null!;

    public async Task InitializeAsync() => _github = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task ThreeRuns_LeaveOneSummaryComment_CreatedOnceThenUpdated_FoundAcrossPages()
    {
        // Two per page and three comments by people: ours lands on page 2, so finding it needs the Link header.
        _github.Emulator.MaxPageSize = 2;
        _github.Emulator.SeedComment(Repo, 12, "LGTM");
        _github.Emulator.SeedComment(Repo, 12, "Copied from the bot: " + PullRequestCommentWriter.Marker + " (not at the start, so not ours)");
        _github.Emulator.SeedComment(Repo, 12, "Please add a test");
        var settings = _github.Settings(release: false, comment: true, context: GitHubHarness.PullRequest(12));

        var results = new List<TargetResult>();
        foreach (var build in new[] { "57", "58", "59" })
            results.Add(await _github.RunAsync(settings, GitHubHarness.Report(build)));

        results.Select(r => r.Outcome).Should().AllBeEquivalentTo(Outcome.Succeeded);
        results.Select(r => r.Items.Single().Reason).Should()
            .Equal("added the summary comment", "updated the summary comment", "updated the summary comment");
        var comments = _github.Emulator.Comments(Repo, 12);
        comments.Should().HaveCount(4);
        var ours = comments.Should().ContainSingle(c => c.Body.StartsWith(PullRequestCommentWriter.Marker)).Subject;
        ours.Body.Should().Contain("| App.ipa | Fenfa | 1.4.0 | 59 |").And.NotContain("| 58 |");
        _github.Emulator.Journal.CountOf("POST", "/repos/octo-org/app/issues/12/comments").Should().Be(1);
        _github.Emulator.Journal.CountOf("PATCH", "/repos/octo-org/app/issues/comments/").Should().Be(2);
        _github.Emulator.Journal.Entries.Should().Contain(e => e.Query.Contains("page=2", StringComparison.Ordinal));
        results[^1].Items.Single().Links["comment"].Should().EndWith($"#issuecomment-{ours.Id}");
    }

    [Fact]
    public async Task PullRequestRun_CommentsButLeavesReleasesAlone()
    {
        var result = await _github.RunAsync(_github.Settings(release: true, comment: true, context: GitHubHarness.PullRequest(8)),
            GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        result.Items.Single(i => i.Name == "release").Reason.Should().Contain("pull-request runs leave releases alone");
        _github.Emulator.Releases(Repo).Should().BeEmpty();
        _github.Emulator.Journal.CountOf("GET", "/repos/octo-org/app/releases").Should().Be(0);
        _github.Emulator.Comments(Repo, 8).Should().ContainSingle();
    }

    [Fact]
    public async Task CommentWhoseAnswerIsLost_IsFoundAgain_NotPostedTwice()
    {
        _github.Emulator.Faults.Add(Fault.Drop(FaultKind.DropAfterHandler, "POST", "/repos/octo-org/app/issues/4/comments"));

        var result = await _github.RunAsync(_github.Settings(release: false, comment: true, context: GitHubHarness.PullRequest(4)),
            GitHubHarness.Report());

        result.Outcome.Should().NotBe(Outcome.Failed, result.Reason);
        _github.Emulator.Comments(Repo, 4).Should().ContainSingle();
        _github.Emulator.Journal.CountOf("POST", "/repos/octo-org/app/issues/4/comments").Should().Be(1);
    }

    [Fact]
    public async Task PushRun_SkipsTheComment()
    {
        var result = await _github.RunAsync(_github.Settings(release: false, comment: true), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Skipped);
        result.Items.Single().Reason.Should().Contain("not a pull-request run").And.Contain("github-pr-number");
        _github.Emulator.Journal.Count.Should().Be(0);
    }

    /// <summary>The adapters of Azure Pipelines and GitLab say "pull request" in their own words; the target only reads the context.</summary>
    [Theory]
    [InlineData("azure", "PullRequest")]
    [InlineData("gitlab", "external_pull_request_event")]
    public async Task PullRequestRunOfAnotherCi_Comments(string platform, string eventName)
    {
        var context = new Core.Settings.RunContext
        {
            Platform = platform, Repository = Repo, EventName = eventName, IsPullRequest = true, PullRequestNumber = 31,
            Sha = "fedcba9876543210fedcba9876543210fedcba98",
        };

        var result = await _github.RunAsync(_github.Settings(release: true, comment: true, context: context), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _github.Emulator.Comments(Repo, 31).Should().ContainSingle();
        _github.Emulator.Releases(Repo).Should().BeEmpty("pull-request runs leave releases alone");
    }

    /// <summary>github-pr-number on a push or a local run: the number given is the pull request to comment on.</summary>
    [Fact]
    public async Task GivenPullRequestNumber_OnANonPullRequestRun_Comments()
    {
        var context = new Core.Settings.RunContext { Platform = "local", Repository = Repo, EventName = null, PullRequestNumber = 12 };

        var result = await _github.RunAsync(_github.Settings(release: false, comment: true, context: context), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _github.Emulator.Comments(Repo, 12).Should().ContainSingle();
    }
}
