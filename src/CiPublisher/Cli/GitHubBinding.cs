using CiPublisher.Core.Settings;

namespace CiPublisher.Cli;

internal static class GitHubBinding
{
    /// <param name="forNotes">release-notes-from: pr reads the pull request, so the token and repository are bound for it too.</param>
    public static GitHubSettings? Bind(InputReader reader, IReadOnlyDictionary<string, string> environment, RunContext context, bool forNotes)
    {
        var release = reader.Bool("github-release");
        var comment = reader.Bool("github-pr-comment");
        var assets = reader.Bool("github-release-assets");
        if (!release && !comment && !assets && !forNotes) return null;

        var token = reader.Text("github-token");
        if (token is null)
            reader.Fail("github-token", "is required with github-release, github-release-assets, github-pr-comment or release-notes-from: pr " +
                                        "(in a workflow: ${{ secrets.GITHUB_TOKEN }})");

        var apiUrl = reader.Url("github-api-url")
                     ?? (environment.GetValueOrDefault("GITHUB_API_URL") is { Length: > 0 } fromRunner ? new Uri(fromRunner.TrimEnd('/') + "/") : null)
                     ?? GitHubSettings.DefaultApiUrl;
        var repository = reader.Text("github-repository") ?? context.Repository;
        if (repository is null || repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            reader.Fail("github-repository", $"'{repository}' is not owner/name; give github-repository");

        return new GitHubSettings
        {
            Token = token ?? "",
            ApiUrl = apiUrl,
            Repository = repository,
            Release = release,
            PullRequestComment = comment,
            ReleaseAssets = assets,
            ReleaseChecksums = reader.Bool("github-release-checksums"),
        };
    }
}
