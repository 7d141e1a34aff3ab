using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public sealed class ArtifactDiscoveryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ArtifactDiscoveryTests()
    {
        _temp.File("build/ios/Lumen.ipa");
        _temp.File("build/android/app/outputs/apk/release/app-release.apk");
        _temp.File("build/android/app/outputs/apk/debug/app-debug.apk");
        _temp.File("build/android/app/outputs/bundle/release/app-release.aab");
        _temp.File("dist/b.zip");
        _temp.File("dist/a.zip");
        _temp.File("dist/a1.zip");
        _temp.File("dist/notes.txt");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "dist", "Folder.zip"));
    }

    public void Dispose() => _temp.Dispose();

    private string Abs(string relative) => Path.Combine(_temp.Path, relative.Replace('/', Path.DirectorySeparatorChar));

    [Fact]
    public void DoubleStar_MatchesAtAnyDepth_IncludingNone()
    {
        _temp.File("top.apk");

        var found = ArtifactDiscovery.Find(["**/*.apk"], _temp.Path);

        found.Should().Equal(
            Abs("build/android/app/outputs/apk/debug/app-debug.apk"),
            Abs("build/android/app/outputs/apk/release/app-release.apk"),
            Abs("top.apk"));
    }

    [Fact]
    public void DoubleStar_InTheMiddle()
    {
        var found = ArtifactDiscovery.Find(["build/**/release/*"], _temp.Path);

        found.Should().Equal(
            Abs("build/android/app/outputs/apk/release/app-release.apk"),
            Abs("build/android/app/outputs/bundle/release/app-release.aab"));
    }

    [Fact]
    public void TrailingDoubleStar_MatchesEveryFileBelow()
    {
        ArtifactDiscovery.Find(["dist/**"], _temp.Path).Should().Equal(
            Abs("dist/a.zip"), Abs("dist/a1.zip"), Abs("dist/b.zip"), Abs("dist/notes.txt"));
    }

    [Fact]
    public void QuestionMark_MatchesExactlyOneCharacter()
    {
        ArtifactDiscovery.Find(["dist/?.zip"], _temp.Path).Should().Equal(Abs("dist/a.zip"), Abs("dist/b.zip"));
    }

    [Fact]
    public void OrderedByPatternThenPath_WithDuplicatesRemoved()
    {
        var found = ArtifactDiscovery.Find(["dist/b.zip", "dist/*.zip", "build/ios/*.ipa", "dist/a.zip"], _temp.Path);

        found.Should().Equal(Abs("dist/b.zip"), Abs("dist/a.zip"), Abs("dist/a1.zip"), Abs("build/ios/Lumen.ipa"));
    }

    [Fact]
    public void Directories_AreNeverMatches()
    {
        var found = ArtifactDiscovery.Find(["dist/*.zip"], _temp.Path);

        found.Should().NotContain(Abs("dist/Folder.zip"));
        var act = () => ArtifactDiscovery.Find(["dist/Folder.zip", "build/*"], _temp.Path);
        act.Should().Throw<ArtifactDiscoveryException>("a literal folder and a pattern matching only folders find no file");
    }

    [Fact]
    public void AbsolutePatternsAndDotSegments()
    {
        var found = ArtifactDiscovery.Find([Path.Combine(_temp.Path, "build", "ios", "*.ipa"), "./dist/../dist/a.zip"], _temp.Path);

        found.Should().Equal(Abs("build/ios/Lumen.ipa"), Abs("dist/a.zip"));
    }

    [Fact]
    public void RelativeBaseDirectory_GivesAbsolutePaths()
    {
        var relativeBase = Path.GetRelativePath(Environment.CurrentDirectory, _temp.Path);

        ArtifactDiscovery.Find(["build/ios/*.ipa"], relativeBase).Should().Equal(Abs("build/ios/Lumen.ipa"));
    }

    [Fact]
    public void NoMatch_ListsThePatternsAndTheBase()
    {
        var act = () => ArtifactDiscovery.Find(["**/*.ipa.missing", "out/*.apk", "  "], _temp.Path);

        var ex = act.Should().Throw<ArtifactDiscoveryException>().Which;
        ex.Message.Should().Contain("'**/*.ipa.missing'").And.Contain("'out/*.apk'").And.Contain(_temp.Path);
        ex.Patterns.Should().Equal("**/*.ipa.missing", "out/*.apk");
        ex.BaseDirectory.Should().Be(_temp.Path);
    }

    [Fact]
    public void OnlyBlankPatterns_AreAnArgumentError()
    {
        var act = () => ArtifactDiscovery.Find(["", " "], _temp.Path);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void SymlinkLoop_DoesNotHangDoubleStar()
    {
        var loop = Path.Combine(_temp.Path, "build", "loop");
        try
        {
            Directory.CreateSymbolicLink(loop, Path.Combine(_temp.Path, "build"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // Creating links needs a privilege on some Windows machines; nothing to test then.
        }

        ArtifactDiscovery.Find(["**/*.ipa"], _temp.Path).Should().Equal(Abs("build/ios/Lumen.ipa"));
    }

    [Theory]
    [InlineData("*.apk", "app.apk", true)]
    [InlineData("*.apk", "app.apk.bak", false)]
    [InlineData("app-*-release.apk", "app-arm64-release.apk", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("?", "", false)]
    [InlineData("*", "", true)]
    [InlineData("**", "anything", true)]
    public void SegmentMatcher(string pattern, string name, bool expected) =>
        GlobSegment.IsMatch(pattern, name, ignoreCase: false).Should().Be(expected);
}
