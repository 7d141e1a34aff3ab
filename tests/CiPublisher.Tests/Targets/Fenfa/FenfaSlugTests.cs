using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Targets.Fenfa;

public class FenfaSlugTests
{
    [Theory]
    [InlineData("My App_v2!", "my-app-v2")]
    [InlineData("lumen", "lumen")]
    [InlineData("  Lumen  Beta ", "lumen-beta")]
    [InlineData("--a__b--", "a-b")]
    [InlineData("Ünïcödé App", "ünïcödé-app")]
    public void Normalize_FollowsTheServersRules(string input, string expected) =>
        FenfaSlug.Normalize(input).Should().Be(expected);
}
