using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// <c>release-notes-from: pr</c>: the pull request's title and body, read before the targets run so that every target
/// gets them: the run's own pull request, else (a tag or push build) the one that brought the commit in. Notes are not
/// worth failing a release for: a pull request that cannot be read leaves the notes empty and says why in the log.
/// </summary>
public static class PullRequestNotes
{
    /// <param name="calls">The run's call meter: this request counts towards GitHub's <c>api-calls</c> like every other.</param>
    public static async Task<string?> ReadAsync(GitHubSettings github, RunScope scope, SecretRegistry secrets, TimeProvider time, CallMeter calls, ILogger logger,
        CancellationToken cancellationToken)
    {
        var repository = github.Repository;
        secrets.Register(github.Token);
        using var http = new HttpClient(new ResilienceHandler(GitHubGateway.Service, scope.Http, time, logger)
        {
            InnerHandler = new CallCountingHandler(GitHubGateway.Service, calls)
            {
                InnerHandler = new GitHubTokenHandler(github.Token) { InnerHandler = HttpClientRegistration.CreatePrimaryHandler() },
            },
        })
        {
            BaseAddress = GitHubClientFactory.ApiRoot(github.ApiUrl),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CiPublisher");
        var (path, what) = scope.Context.PullRequestNumber is > 0 and var number
            ? ($"repos/{repository.Owner}/{repository.Name}/pulls/{number}", $"pull request #{number}")
            : scope.Context.Sha is { Length: > 0 } sha
                ? ($"repos/{repository.Owner}/{repository.Name}/commits/{sha}/pulls", $"the pull request of commit {sha[..Math.Min(7, sha.Length)]}")
                : (null, null);
        if (path is null)
        {
            logger.LogWarning("release-notes-from: pr, but this run names neither a pull request nor a commit (give github-pr-number): no release notes");
            return null;
        }
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("release-notes-from: pr: GitHub answered {Status} for {What}: {Answer}; no release notes",
                    (int)response.StatusCode, what, AnswerText.Quote(body, secrets));
                return null;
            }
            using var answer = JsonDocument.Parse(body);
            // A commit's pull requests come as a list, the merged one first; a pull request's own answer is one object.
            var pull = answer.RootElement.ValueKind == JsonValueKind.Array
                ? answer.RootElement.EnumerateArray().OrderBy(p => Text(p, "merged_at") is null).FirstOrDefault()
                : answer.RootElement;
            if (pull.ValueKind != JsonValueKind.Object)
            {
                logger.LogWarning("release-notes-from: pr: no pull request brought in {What}; no release notes", what);
                return null;
            }
            return Compose(Text(pull, "title"), Text(pull, "body"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or RemoteServiceException or IOException)
        {
            logger.LogWarning("release-notes-from: pr: {What} could not be read ({Reason}); no release notes", what, secrets.Redact(FailureText.Of(e)));
            return null;
        }
    }

    private static string? Compose(string? title, string? body) =>
        (title, body) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{title.Trim()}\n\n{body.Trim()}",
            ({ Length: > 0 }, _) => title.Trim(),
            (_, { Length: > 0 }) => body.Trim(),
            _ => null,
        };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
