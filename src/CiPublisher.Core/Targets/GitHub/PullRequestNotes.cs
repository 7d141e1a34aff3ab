using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// <c>release-notes-from: pr</c>: the pull request's title and body, read before the targets run so that every target
/// gets them. Notes are not worth failing a release for: a pull request that cannot be read leaves the notes empty and
/// says why in the log.
/// </summary>
public static class PullRequestNotes
{
    public static async Task<string?> ReadAsync(RunSettings settings, SecretRegistry secrets, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (settings.GitHub is not { } github || RepositoryName.Parse(github.Repository ?? settings.Context.Repository) is not { } repository)
            return null;
        if (settings.Context.PullRequestNumber is not (> 0 and var number))
        {
            logger.LogWarning("release-notes-from: pr, but this run is not for a pull request (give github-pr-number): no release notes");
            return null;
        }
        secrets.Register(github.Token);
        using var http = new HttpClient(new ResilienceHandler(GitHubGateway.Service, settings.Http, time, logger)
        {
            InnerHandler = new GitHubTokenHandler(github.Token) { InnerHandler = HttpClientRegistration.CreatePrimaryHandler() },
        })
        {
            BaseAddress = GitHubClientFactory.ApiRoot(github.ApiUrl),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CiPublisher");
        try
        {
            using var response = await http.GetAsync(new Uri($"repos/{repository.Owner}/{repository.Name}/pulls/{number}", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("release-notes-from: pr: GitHub answered {Status} for pull request #{Number}: {Answer}; no release notes",
                    (int)response.StatusCode, number, AnswerText.Quote(body, secrets));
                return null;
            }
            using var pull = JsonDocument.Parse(body);
            return Compose(Text(pull.RootElement, "title"), Text(pull.RootElement, "body"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or RemoteServiceException or IOException)
        {
            logger.LogWarning("release-notes-from: pr: pull request #{Number} could not be read ({Reason}); no release notes",
                number, secrets.Redact(FailureText.Of(e)));
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
