using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.Targets.GitHub;

public class ReleaseSectionTests
{
    private static readonly string Block = ReleaseSection.Wrap("new section");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    public void Merge_EmptyBody_IsJustTheBlock(string? body) =>
        ReleaseSection.Merge(body, Block).Should().Be(Block);

    [Fact]
    public void Merge_BodyWithoutBlock_AppendsAfterABlankLine() =>
        ReleaseSection.Merge("My notes\n\n", Block).Should().Be("My notes\n\n" + Block);

    [Fact]
    public void Merge_BodyWithBlock_ReplacesOnlyTheBlock_ByteForByte()
    {
        var body = "Before\r\n  indented | table\r\n" + ReleaseSection.Wrap("old") + "\r\nAfter <b>x</b>\r\n";

        ReleaseSection.Merge(body, Block).Should().Be("Before\r\n  indented | table\r\n" + Block + "\r\nAfter <b>x</b>\r\n");
    }

    [Fact]
    public void Merge_Twice_KeepsOneBlock()
    {
        var once = ReleaseSection.Merge("Notes", ReleaseSection.Wrap("first"))!;

        var twice = ReleaseSection.Merge(once, Block)!;

        twice.Should().Be("Notes\n\n" + Block);
    }

    [Fact]
    public void Merge_StartMarkerWithoutEnd_RefusesInsteadOfGuessing() =>
        ReleaseSection.Merge("Intro " + ReleaseSection.StartMarker + " user text", Block).Should().BeNull();

    [Fact]
    public void Merge_EndMarkerBeforeStart_IsNotTakenAsTheEnd() =>
        ReleaseSection.Merge(ReleaseSection.EndMarker + " x " + ReleaseSection.StartMarker + " y", Block).Should().BeNull();

    [Fact]
    public void Merge_OfTwoMatrixJobs_KeepsBothJobsRowsInEachTable()
    {
        static string Job(string platform, string file) => ReleaseSection.Wrap($"""
            ### Distribution · Lumen 2.4.1

            | {DistributionSummary.InstallCorner} | build | links | scan |
            |---|---|---|---|
            | {platform} | `{file}` 2.4.1 (418) | [download](https://gh.example/{file}) | ![QR code](https://gh.example/qr-{file}.png) |

            | Artifact | Target | Version | Build | Result | Links |
            | --- | --- | --- | --- | --- | --- |
            | {file} | GitHub release assets | 2.4.1 | 418 | ✅ done | [download](https://gh.example/{file}) |
            """);

        var ios = ReleaseSection.Merge(null, Job("iOS", "Lumen.ipa"))!;
        var both = ReleaseSection.Merge(ios, Job("Android", "app.apk"))!;
        var again = ReleaseSection.Merge(both, Job("Android", "app.apk"))!;

        both.Should().Contain("| iOS | `Lumen.ipa` 2.4.1 (418) |").And.Contain("| Android | `app.apk` 2.4.1 (418) |")
            .And.Contain("| Lumen.ipa | GitHub release assets |").And.Contain("| app.apk | GitHub release assets |");
        both.Split(DistributionSummary.InstallCorner).Should().HaveCount(2, "one Install table holds both jobs' rows");
        both.IndexOf("| Android | `app.apk`", StringComparison.Ordinal).Should().BeLessThan(both.IndexOf("| Artifact | Target", StringComparison.Ordinal));
        again.Should().Be(both, "a re-run of a job replaces its own rows");
    }
}
