using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.Targets.GitHub;

public class ReleaseTagTests
{
    [Theory]
    [InlineData("1.2.0", false)]
    [InlineData("1.2.0-beta.1", true)]
    [InlineData("2.0.0-rc1+build.5", true)]
    [InlineData("1.2.0+build-7", false)]
    public void HasPrereleaseSuffix_FollowsSemVer(string version, bool expected) =>
        ReleaseTag.HasPrereleaseSuffix(version).Should().Be(expected);

    [Fact]
    public void For_TagBuild_UsesTheTagName()
    {
        var context = new RunContext { IsTag = true, RefName = "v3.1.0-alpha", Ref = "refs/tags/v3.1.0-alpha" };

        ReleaseTag.For(context, version: null).Should().Be(new ReleaseTag("v3.1.0-alpha", IsPrerelease: true));
    }

    [Fact]
    public void For_BranchBuild_UsesVPlusTheVersion() =>
        ReleaseTag.For(new RunContext { RefName = "main" }, "1.4.0").Should().Be(new ReleaseTag("v1.4.0", IsPrerelease: false));

    [Fact]
    public void For_BranchBuildWithoutVersion_HasNoRelease() =>
        ReleaseTag.For(new RunContext { RefName = "main" }, version: null).Should().BeNull();
}
