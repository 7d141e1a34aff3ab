using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.GitHub;

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
}
