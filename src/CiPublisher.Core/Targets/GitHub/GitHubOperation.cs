namespace CiPublisher.Core.Targets.GitHub;

/// <summary>One API call as the user should read it in an error, with the workflow permission it needs.</summary>
public sealed record GitHubOperation(string Action, string Permission)
{
    public const string ContentsWrite = "contents: write";
    public const string PullRequestsWrite = "pull-requests: write";
}
