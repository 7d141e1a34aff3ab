using System.Globalization;
using System.Net;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// The one boundary between Octokit and the tool: every call goes through here, rate limits that reset soon
/// are waited out on the injected clock, and every Octokit failure leaves as a <see cref="RemoteServiceException"/>
/// whose message tells the user what to change.
/// </summary>
public sealed class GitHubGateway(RepositoryName repository, TimeProvider time, SecretRegistry secrets, ILogger logger)
{
    public const string Service = "GitHub";

    /// <summary>A CI job may wait this long for a rate limit to reset; beyond it the target fails and says when to re-run.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    // GitHub's guidance for a secondary limit that names no Retry-After: wait at least a minute.
    private static readonly TimeSpan UnnamedSecondaryWait = TimeSpan.FromSeconds(60);

    private const int MostWaitsPerCall = 3;

    public async Task<T> CallAsync<T>(GitHubOperation operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var waits = 0; ; waits++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await call();
            }
            catch (ApiException exception) when (RateLimitWait(exception) is { } wait && wait <= LongestWait && waits < MostWaitsPerCall)
            {
                logger.LogWarning("GitHub: rate limit reached while trying to {Action}; waiting {Seconds:0}s for it to reset",
                    operation.Action, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (ApiException exception)
            {
                throw Translate(operation, exception);
            }
            catch (HttpRequestException exception)
            {
                throw new RemoteServiceException(Service, RemoteFailureKind.Transport,
                    secrets.Redact($"GitHub could not be reached to {operation.Action}: {exception.Message}"), inner: exception);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RemoteServiceException(Service, RemoteFailureKind.Transport,
                    $"GitHub did not answer in time when trying to {operation.Action}", inner: exception);
            }
        }
    }

    private RemoteServiceException Translate(GitHubOperation operation, ApiException exception)
    {
        var status = (int)exception.StatusCode;
        var said = secrets.Redact(Said(exception));
        if (RateLimitWait(exception) is { } wait)
        {
            var resetAt = time.GetUtcNow() + wait;
            var why = wait <= LongestWait
                ? $"still limited after waiting {MostWaitsPerCall} times"
                : $"it resets in {Minutes(wait)} (at {resetAt.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture)}), " +
                  $"longer than the {LongestWait.TotalSeconds:0}s this run waits";
            return new RemoteServiceException(Service, RemoteFailureKind.RateLimited,
                $"GitHub rate limit reached while trying to {operation.Action} ({status}: {said}); {why}: re-run the job after the reset",
                status, "rate_limited", wait, exception);
        }

        var message = exception.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                $"GitHub rejected the token when trying to {operation.Action} (401: {said}): check github-token",
            HttpStatusCode.Forbidden =>
                $"GitHub refused to {operation.Action} in {repository} (403: {said}): the workflow needs " +
                $"`permissions: {operation.Permission}` (or a token with that access){AcceptedPermissions(exception)}",
            HttpStatusCode.NotFound =>
                $"GitHub answered 404 ({said}) when trying to {operation.Action}: check github-repository ('{repository}') " +
                "and that the token can access it (on GitHub Enterprise, github-api-url ends in /api/v3)",
            _ => $"GitHub refused to {operation.Action} in {repository} ({status}: {said}{ValidationErrors(exception)})",
        };
        return new RemoteServiceException(Service, RemoteServiceException.KindOf(status), secrets.Redact(message), status,
            exception.ApiError?.Errors is { Count: > 0 } errors ? errors[0].Code : null, inner: exception);
    }

    /// <summary>
    /// How long a rate-limit answer asks to wait, or null when the answer is no rate limit. Read from the headers
    /// rather than Octokit's exception type alone: GitHub signals limits with 403 or 429, and Octokit maps only
    /// 403 bodies it recognises.
    /// </summary>
    private TimeSpan? RateLimitWait(ApiException exception)
    {
        var status = (int)exception.StatusCode;
        if (status is not (403 or 429)) return null;
        var headers = exception.HttpResponse?.Headers;

        if (Header(headers, "Retry-After") is { } retryAfter
            && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);

        if (Header(headers, "X-RateLimit-Remaining") == "0"
            && long.TryParse(Header(headers, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return exception is RateLimitExceededException or SecondaryRateLimitExceededException || status == 429
            ? UnnamedSecondaryWait
            : null;
    }

    private static string? Header(IReadOnlyDictionary<string, string>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static string Said(ApiException exception) =>
        exception.ApiError?.Message is { Length: > 0 } message ? message : exception.StatusCode.ToString();

    /// <summary>GitHub names the permission an endpoint needs in this header (fine-grained tokens and GITHUB_TOKEN).</summary>
    private static string AcceptedPermissions(ApiException exception) =>
        Header(exception.HttpResponse?.Headers, "X-Accepted-GitHub-Permissions") is { Length: > 0 } accepted
            ? $"; GitHub accepts: {accepted}"
            : string.Empty;

    private static string ValidationErrors(ApiException exception)
    {
        var errors = exception.ApiError?.Errors?
            .Select(e => string.Join(' ', new[] { e.Field, e.Code, e.Message }.Where(p => !string.IsNullOrEmpty(p))))
            .Where(e => e.Length > 0)
            .ToList();
        return errors is { Count: > 0 } ? " — " + string.Join("; ", errors) : string.Empty;
    }

    private static string Minutes(TimeSpan wait) =>
        wait < TimeSpan.FromMinutes(2) ? $"{wait.TotalSeconds:0}s" : $"{wait.TotalMinutes:0} min";
}
