using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Cli;

/// <summary>What a CI system does not tell the program by itself.</summary>
public static class CiSystemInputs
{
    public static InputDeclaration PullRequestNumber { get; } = new("github-pr-number", InputKind.WholeNumber,
        "Pull request number, for CI systems other than GitHub's pull_request runs.");

    public static InputDeclaration GitLabDotenvFile { get; } = new("gitlab-dotenv-file", InputKind.Text,
        "GitLab CI: file the outputs are written to, for artifacts:reports:dotenv (relative to CI_PROJECT_DIR).") { Default = "cipublisher.env" };

    public static InputGroup Group { get; } = new("CI systems", [PullRequestNumber, GitLabDotenvFile]);
}
