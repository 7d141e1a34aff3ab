using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Targets.GitHub;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.GitHub;

/// <summary>The jobs of a build matrix (iOS, Android) writing one release at the same time.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class GitHubMatrixReleaseTests : IAsyncLifetime
{
    private GitHubHarness _github = null!;

    public async Task InitializeAsync() => _github = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task ConcurrentJobs_EndWithOneSectionHoldingEveryJobsRows_AndTheUsersText()
    {
        for (var round = 0; round < 5; round++)
        {
            var version = $"2.{round}.0";
            var ios = _github.Settings(version: version);
            var android = _github.Settings(version: version);

            var both = Task.WhenAll(_github.RunAsync(ios, GitHubHarness.Report()), _github.RunAsync(android, AndroidReport()));
            var results = await _github.Time.RunUntilDoneAsync(both);

            results.Should().OnlyContain(r => r.Outcome == Outcome.Succeeded, string.Join("; ", results.Select(r => r.Reason)));
            var release = _github.Emulator.Releases(GitHubHarness.Repository).Single(r => r.TagName == $"v{version}");
            release.Body.Should().Contain("| App.ipa | Fenfa |", $"round {round}: the iOS job's row survives")
                .And.Contain("| app-release.apk | Fenfa |", $"round {round}: the Android job's row survives");
            CountOf(release.Body, ReleaseSection.StartMarker).Should().Be(1);
        }
    }

    [Fact]
    public void Merge_ReplacesOnlyTheRowsOfTheSameArtifactAndTarget()
    {
        var first = DistributionSummaryOf(GitHubHarness.Report(build: "57"));
        var android = DistributionSummaryOf(AndroidReport());
        var rerun = DistributionSummaryOf(GitHubHarness.Report(build: "58"));
        var body = "My notes\n\n" + ReleaseSection.Wrap(first);

        var merged = ReleaseSection.Merge(ReleaseSection.Merge(body, ReleaseSection.Wrap(android)), ReleaseSection.Wrap(rerun))!;

        merged.Should().StartWith("My notes\n\n");
        merged.Should().Contain("| App.ipa | Fenfa | 1.4.0 | 58 |").And.NotContain("| App.ipa | Fenfa | 1.4.0 | 57 |");
        merged.Should().Contain("| app-release.apk | Fenfa |");
        CountOf(merged, "**Devices:**").Should().Be(1);
        ReleaseSection.Merge(merged, ReleaseSection.Wrap(rerun)).Should().Be(merged, "merging the same rows again changes nothing");
    }

    private static string DistributionSummaryOf(RunReport report) =>
        DistributionSummary.Render(report, new Core.Settings.RunContext { Repository = GitHubHarness.Repository }, "1.4.0");

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The Android job of the same matrix: its own artifact, its own Fenfa row, no AltStore or devices.</summary>
    private static RunReport AndroidReport()
    {
        var ios = GitHubHarness.Report();
        var fenfa = ios.Targets[0];
        return ios with
        {
            Artifacts = [ios.Artifacts[0] with { Path = "build/app-release.apk", FileName = "app-release.apk", Extension = ".apk", Platform = ArtifactPlatform.Android }],
            Targets = [fenfa with { Items = [fenfa.Items[0] with { Name = "app-release.apk" }] }],
        };
    }
}
