using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// GitHub answers read without Octokit become data or a <see cref="RemoteServiceException"/> with GitHub's message
/// and first validation code (<c>already_exists</c>), like <see cref="GitHubGateway"/> makes of Octokit's.
/// </summary>
public static class GitHubAnswers
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string action, SecretRegistry secrets, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw Failure(response, action, body, secrets);
            try
            {
                return JsonSerializer.Deserialize(body, GitHubJsonContext.Default.TypeInfo<T>())
                       ?? throw Protocol(response, action, body, secrets);
            }
            catch (JsonException)
            {
                throw Protocol(response, action, body, secrets);
            }
        }
    }

    public static async Task EnsureOkAsync(HttpResponseMessage response, string action, SecretRegistry secrets, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            throw Failure(response, action, await response.Content.ReadAsStringAsync(cancellationToken), secrets);
        }
    }

    public static RemoteServiceException Failure(HttpResponseMessage response, string action, string body, SecretRegistry secrets)
    {
        var status = (int)response.StatusCode;
        var (message, code) = ErrorOf(body);
        var said = message is null ? AnswerText.Quote(body, secrets) : secrets.Redact(message) + (code is null ? "" : $": {code}");
        return new RemoteServiceException(GitHubGateway.Service, RemoteServiceException.KindOf(status),
            $"GitHub refused to {action} ({status}: {said})", status, code, RetryAfter.Of(response, TimeProvider.System));
    }

    private static RemoteServiceException Protocol(HttpResponseMessage response, string action, string body, SecretRegistry secrets) =>
        new(GitHubGateway.Service, RemoteFailureKind.Server,
            $"GitHub answered something unexpected to {action} (HTTP {(int)response.StatusCode}: {AnswerText.Quote(body, secrets)})",
            (int)response.StatusCode);

    private static (string? Message, string? Code) ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var code = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                       && errors.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
                       && first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString()
                : null;
            return (message, code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
