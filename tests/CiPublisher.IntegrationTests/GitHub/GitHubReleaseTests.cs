using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.GitHub;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class GitHubReleaseTests : IAsyncLifetime
{
    private const string Repo = GitHubHarness.Repository;
    private GitHubHarness _github = null!;

    public async Task InitializeAsync() => _github = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task MissingRelease_IsCreatedPublished_WithTheDistributionBlock()
    {
        var result = await _github.RunAsync(_github.Settings(), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var release = _github.Emulator.Releases(Repo).Should().ContainSingle().Subject;
        release.TagName.Should().Be("v1.4.0");
        release.Draft.Should().BeFalse();
        release.Prerelease.Should().BeFalse();
        release.TargetCommitish.Should().Be("0123456789abcdef0123456789abcdef01234567");
        release.Body.Should().StartWith(ReleaseSection.StartMarker).And.EndWith(ReleaseSection.EndMarker);
        release.Body.Should().Contain("| App.ipa | Fenfa | 1.4.0 | 57 |")
            .And.Contain("[page](https://dist.example.com/products/octo)")
            .And.Contain("[download](https://dist.example.com/d/57/App.ipa)")
            .And.Contain("[install](https://dist.example.com/install/57)")
            .And.Contain("**AltStore ADP:** processed")
            .And.Contain("3 registered, 1 re-enabled, 12 existing, 0 invalid");
        result.Items.Single().Links["release"].Should().EndWith("octo-org/app/releases/tag/v1.4.0");
        result.Figures["api-calls"].Should().Be("2");
        result.Figures.Should().ContainKey("rate-limit-remaining");
    }

    [Fact]
    public async Task CreateWhoseAnswerIsLost_IsFoundAgain_NotCreatedTwice()
    {
        _github.Emulator.Faults.Add(Fault.Drop(FaultKind.DropAfterHandler, "POST", "/repos/octo-org/app/releases"));

        var result = await _github.RunAsync(_github.Settings(), GitHubHarness.Report());

        result.Outcome.Should().NotBe(Outcome.Failed, result.Reason);
        _github.Emulator.Releases(Repo).Should().ContainSingle().Which.Body.Should().StartWith(ReleaseSection.StartMarker);
        _github.Emulator.Journal.CountOf("POST", "/repos/octo-org/app/releases").Should().Be(1);
        _github.Emulator.Journal.CountOf("GET", "/repos/octo-org/app/releases/tags/v1.4.0").Should().Be(2);
    }

    [Fact]
    public async Task PrereleaseVersion_CreatesAPrerelease()
    {
        await _github.RunAsync(_github.Settings(version: "2.0.0-beta.1"), GitHubHarness.Report());

        var release = _github.Emulator.Releases(Repo).Should().ContainSingle().Subject;
        release.TagName.Should().Be("v2.0.0-beta.1");
        release.Prerelease.Should().BeTrue();
        release.Draft.Should().BeFalse();
    }

    [Fact]
    public async Task TagBuild_WritesToTheReleaseOfThatTag()
    {
        _github.Emulator.SeedRelease(Repo, "release-2026.03", "Notes by the team.");
        var context = new RunContext { Repository = Repo, Ref = "refs/tags/release-2026.03", RefName = "release-2026.03", IsTag = true };

        var result = await _github.RunAsync(_github.Settings(context: context), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var release = _github.Emulator.Releases(Repo).Should().ContainSingle().Subject;
        release.Body.Should().StartWith("Notes by the team.\n\n" + ReleaseSection.StartMarker);
    }

    [Fact]
    public async Task Reruns_ReplaceTheBlock_AndLeaveTheUsersTextBeforeAndAfterIntact()
    {
        const string before = "## What's new\r\n\r\n* Faster sync\r\n\r\n";
        const string after = "\r\n\r\nThanks to all contributors | <b>bold</b>";
        _github.Emulator.SeedRelease(Repo, "v1.4.0",
            before + ReleaseSection.StartMarker + "\nstale section from an old run\n" + ReleaseSection.EndMarker + after);

        var first = await _github.RunAsync(_github.Settings(), GitHubHarness.Report(build: "57"));
        var second = await _github.RunAsync(_github.Settings(), GitHubHarness.Report(build: "58"));

        first.Outcome.Should().Be(Outcome.Succeeded, first.Reason);
        second.Outcome.Should().Be(Outcome.Succeeded, second.Reason);
        var body = _github.Emulator.Releases(Repo).Should().ContainSingle().Subject.Body!;
        body.Should().StartWith(before + ReleaseSection.StartMarker).And.EndWith(ReleaseSection.EndMarker + after);
        Occurrences(body, ReleaseSection.StartMarker).Should().Be(1);
        Occurrences(body, ReleaseSection.EndMarker).Should().Be(1);
        body.Should().Contain("| App.ipa | Fenfa | 1.4.0 | 58 |").And.NotContain("stale section").And.NotContain("| 57 |");
    }

    [Fact]
    public async Task FirstRun_AppendsToTheUsersNotes_AndASecondRunStillHasOneBlock()
    {
        _github.Emulator.SeedRelease(Repo, "v1.4.0", "Hand-written notes.");

        await _github.RunAsync(_github.Settings(), GitHubHarness.Report(build: "57"));
        var afterFirst = _github.Emulator.Releases(Repo).Single().Body!;
        await _github.RunAsync(_github.Settings(), GitHubHarness.Report(build: "58"));
        var afterSecond = _github.Emulator.Releases(Repo).Single().Body!;

        afterFirst.Should().StartWith("Hand-written notes.\n\n" + ReleaseSection.StartMarker).And.Contain("| 57 |");
        afterSecond.Should().StartWith("Hand-written notes.\n\n" + ReleaseSection.StartMarker).And.Contain("| 58 |");
        Occurrences(afterSecond, ReleaseSection.StartMarker).Should().Be(1);
        _github.Emulator.Journal.CountOf("POST", "/repos/").Should().Be(0, "the release existed, so none is created");
    }

    [Fact]
    public async Task UnchangedReport_IsAlreadyDone_WithoutWriting()
    {
        await _github.RunAsync(_github.Settings(), GitHubHarness.Report());
        var writesBefore = _github.Emulator.Journal.CountOf("PATCH", "/repos/") + _github.Emulator.Journal.CountOf("POST", "/repos/");

        var again = await _github.RunAsync(_github.Settings(), GitHubHarness.Report());

        again.Outcome.Should().Be(Outcome.AlreadyDone);
        (_github.Emulator.Journal.CountOf("PATCH", "/repos/") + _github.Emulator.Journal.CountOf("POST", "/repos/"))
            .Should().Be(writesBefore);
    }

    [Fact]
    public async Task StartMarkerWithoutEnd_FailsAndLeavesTheBodyUntouched()
    {
        var body = "Intro\n" + ReleaseSection.StartMarker + "\nsomeone deleted the end marker\nMy own closing words";
        _github.Emulator.SeedRelease(Repo, "v1.4.0", body);

        var result = await _github.RunAsync(_github.Settings(), GitHubHarness.Report());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain(ReleaseSection.EndMarker);
        _github.Emulator.Releases(Repo).Single().Body.Should().Be(body);
    }

    [Fact]
    public async Task DryRun_PlansTheBlockAndTheComment_AndSendsNoRequest()
    {
        var release = await _github.RunAsync(_github.Settings(comment: true, dryRun: true), GitHubHarness.Report());
        var comment = await _github.RunAsync(
            _github.Settings(release: false, comment: true, dryRun: true, context: GitHubHarness.PullRequest(7)), GitHubHarness.Report());

        _github.Emulator.Journal.Count.Should().Be(0);
        release.Outcome.Should().Be(Outcome.Skipped);
        release.Items.Select(i => i.Name).Should().Equal("release v1.4.0", "pull request comment");
        release.Items[0].Facts["would-write"].Should().StartWith(ReleaseSection.StartMarker).And.Contain("| App.ipa | Fenfa |");
        release.Notes.Should().ContainSingle(n => n.Contains(ReleaseSection.StartMarker, StringComparison.Ordinal));
        comment.Outcome.Should().Be(Outcome.Skipped);
        comment.Items.Single().Name.Should().Be("pull request #7");
        comment.Notes.Should().ContainSingle(n => n.Contains(PullRequestCommentWriter.Marker, StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
