using CiPublisher.Cli;

namespace CiPublisher.Ci;

/// <summary>GitHub first, then Azure, then GitLab, else a developer's terminal (contract ci-platforms §0).</summary>
public static class PlatformDetector
{
    /// <param name="commandLine">The parsed flags, so <c>--gitlab-dotenv-file</c> wins as every flag does; null reads the environment only.</param>
    public static ICiPlatform Detect(IReadOnlyDictionary<string, string> environment, TextWriter stdout, bool interactive, string currentDirectory,
        InputOptions? commandLine = null, TimeProvider? time = null)
    {
        if (IsTrue(environment, "GITHUB_ACTIONS")) return new GitHubActionsPlatform(environment, stdout);
        if (IsTrue(environment, "TF_BUILD")) return new AzurePipelinesPlatform(environment, stdout, currentDirectory);
        if (IsTrue(environment, "GITLAB_CI"))
        {
            // Platforms exist before settings are bound, so the one input a platform needs is read here.
            var dotenvFile = new InputSources(commandLine, environment).Get(CiSystemInputs.GitLabDotenvFile).Text!;
            return new GitLabPlatform(environment, stdout, currentDirectory, dotenvFile, time ?? TimeProvider.System);
        }
        return new LocalPlatform(environment, stdout, interactive, currentDirectory);
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> environment, string name) =>
        string.Equals(environment.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);
}
