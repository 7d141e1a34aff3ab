using CiPublisher.Ci;
using CiPublisher.Cli;

namespace CiPublisher.Tests.Ci;

public sealed class PlatformDetectorTests
{
    private static ICiPlatform Detect(Dictionary<string, string> environment, InputOptions? flags = null) =>
        PlatformDetector.Detect(environment, TextWriter.Null, interactive: false, currentDirectory: Path.GetTempPath(), flags);

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", typeof(GitHubActionsPlatform))]
    [InlineData("TF_BUILD", "True", typeof(AzurePipelinesPlatform))]
    [InlineData("TF_BUILD", "true", typeof(AzurePipelinesPlatform))]
    [InlineData("GITLAB_CI", "true", typeof(GitLabPlatform))]
    [InlineData("CI", "true", typeof(LocalPlatform))]
    public void EachPlatform_IsRecognisedByItsOwnVariable(string name, string value, Type expected)
    {
        Detect(new Dictionary<string, string> { [name] = value }).Should().BeOfType(expected);
    }

    [Fact]
    public void GitHub_WinsOverAzure_WhichWinsOverGitLab()
    {
        Detect(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["TF_BUILD"] = "True", ["GITLAB_CI"] = "true" })
            .Should().BeOfType<GitHubActionsPlatform>();
        Detect(new Dictionary<string, string> { ["TF_BUILD"] = "True", ["GITLAB_CI"] = "true" }).Should().BeOfType<AzurePipelinesPlatform>();
    }

    [Fact]
    public void GitLabDotenvFile_DefaultsToCipublisherEnv_AndFollowsTheInputPrecedence()
    {
        var project = Path.Combine(Path.GetTempPath(), "project");
        var environment = new Dictionary<string, string> { ["GITLAB_CI"] = "true", ["CI_PROJECT_DIR"] = project };
        ((GitLabPlatform)Detect(environment)).DotenvPath.Should().Be(Path.Combine(project, "cipublisher.env"));

        environment["CIPUBLISHER_GITLAB_DOTENV_FILE"] = "reports/vars.env";
        ((GitLabPlatform)Detect(environment)).DotenvPath.Should().Be(Path.Combine(project, "reports", "vars.env"));

        ((GitLabPlatform)Detect(environment, new InputOptions { GitlabDotenvFile = "flag.env" })).DotenvPath.Should().Be(Path.Combine(project, "flag.env"));
    }
}
