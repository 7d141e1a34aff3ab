using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Cli;

internal static class GitHubBinding
{
    /// <param name="neededFor">
    /// The other input that needs GitHub (release-notes-from: pr reads the pull request, altstore-adp-host:
    /// github-release uploads to the release), so the token and repository are bound for it too; null when none does.
    /// </param>
    public static GitHubSettings? Bind(InputReader reader, IReadOnlyDictionary<string, string> environment, RunContext context, string? neededFor)
    {
        var release = reader.Bool("github-release");
        var comment = reader.Bool("github-pr-comment");
        var assets = reader.Bool("github-release-assets");
        if (!release && !comment && !assets && neededFor is null) return null;

        var token = reader.Text("github-token");
        if (token is null)
            reader.Fail("github-token", $"is required with {(neededFor is null ? "github-release, github-release-assets or github-pr-comment" : neededFor)} " +
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
