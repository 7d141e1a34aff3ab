using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>Keeps one summary comment on a pull request: found by its hidden marker, created once, then edited.</summary>
public sealed class PullRequestCommentWriter(IGitHubClient client, GitHubGateway gateway, RepositoryName repository, TimeProvider time)
{
    public const string Marker = "<!-- ci-publisher:comment -->";

    // GitHub's largest page: fewest calls on long discussions.
    private const int PageSize = 100;

    public static string CommentBody(string summary) => $"{Marker}\n{summary.TrimEnd()}\n";

    public async Task<ItemResult> WriteAsync(int pullRequest, string body, CancellationToken cancellationToken)
    {
        var itemName = $"pull request #{pullRequest}";
        var existing = await FindAsync(pullRequest, cancellationToken);
        if (existing is null)
        {
            var answerLost = false;
            var comment = await LandedCheck.SendAsync(new Write<IssueComment>
            {
                Send = ct => gateway.CallAsync(new GitHubOperation($"comment on pull request #{pullRequest}", GitHubOperation.PullRequestsWrite),
                    () => client.Issue.Comment.Create(repository.Owner, repository.Name, pullRequest, body), ct),
                // The comment may land without an answer: look before posting a second one.
                MayHaveLanded = e => e is RemoteServiceException { Kind: RemoteFailureKind.Transport },
                FindLanded = (_, ct) =>
                {
                    answerLost = true;
                    return FindAsync(pullRequest, ct);
                },
            }, time, cancellationToken);
            if (!answerLost) return Item(itemName, Outcome.Succeeded, "added the summary comment", comment);
            existing = comment;
        }
        if (existing.Body == body) return Item(itemName, Outcome.AlreadyDone, "the summary comment is up to date", existing);

        var updated = await gateway.CallAsync(
            new GitHubOperation($"update the summary comment on pull request #{pullRequest}", GitHubOperation.PullRequestsWrite),
            () => client.Issue.Comment.Update(repository.Owner, repository.Name, existing.Id, body), cancellationToken);
        return Item(itemName, Outcome.Succeeded, "updated the summary comment", updated);
    }

    private async Task<IssueComment?> FindAsync(int pullRequest, CancellationToken cancellationToken)
    {
        var comments = await gateway.CallAsync(
            new GitHubOperation($"list the comments of pull request #{pullRequest}", GitHubOperation.PullRequestsWrite),
            () => client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, pullRequest, new ApiOptions { PageSize = PageSize }),
            cancellationToken);
        return comments.FirstOrDefault(c => c.Body?.StartsWith(Marker, StringComparison.Ordinal) == true);
    }

    private static ItemResult Item(string name, Outcome outcome, string reason, IssueComment comment) =>
        new()
        {
            Name = name, Outcome = outcome, Reason = reason,
            Links = string.IsNullOrEmpty(comment.HtmlUrl) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["comment"] = comment.HtmlUrl },
        };
}
