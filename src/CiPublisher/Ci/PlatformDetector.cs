namespace CiPublisher.Ci;

/// <summary>GitHub first, then Azure, then GitLab, else a developer's terminal (contract ci-platforms §0).</summary>
public static class PlatformDetector
{
    public static ICiPlatform Detect(IReadOnlyDictionary<string, string> environment, TextWriter stdout, bool interactive, string currentDirectory)
    {
        if (IsTrue(environment, "GITHUB_ACTIONS")) return new GitHubActionsPlatform(environment, stdout);
        // Azure Pipelines (TF_BUILD) and GitLab CI (GITLAB_CI) adapters plug in here.
        return new LocalPlatform(environment, stdout, interactive, currentDirectory);
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> environment, string name) =>
        string.Equals(environment.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);
}
