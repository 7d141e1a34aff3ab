using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Refit;

namespace CiPublisher.Core.Apple;

/// <summary>
/// The one place App Store Connect failures become <see cref="RemoteServiceException"/>: the first error's
/// <c>code</c> (Apple: branch on code only), its title/detail, and the ids Apple support asks for.
/// </summary>
public static class AppStoreConnectErrors
{
    public const string Service = "App Store Connect";

    public static RemoteServiceException Translate(Exception exception, SecretRegistry secrets) => exception switch
    {
        RemoteServiceException remote => remote,
        ApiException api => FromResponse(api, secrets),
        HttpRequestException or IOException or TaskCanceledException => new RemoteServiceException(Service,
            RemoteFailureKind.Transport, secrets.Redact($"{Service} could not be reached: {exception.Message}"), inner: exception),
        _ => new RemoteServiceException(Service, RemoteFailureKind.Server,
            secrets.Redact($"{Service} answered something unexpected: {exception.Message}"), inner: exception),
    };

    public static bool IsCode(this RemoteServiceException exception, string prefix) =>
        exception.Code is { } code && code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>For answers read without Refit (next pages followed by URL).</summary>
    public static async Task<RemoteServiceException> TranslateAsync(HttpResponseMessage response, SecretRegistry secrets,
        CancellationToken cancellationToken)
    {
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        return Build((int)response.StatusCode, response.ReasonPhrase, content, response.Headers, secrets, null);
    }

    private static RemoteServiceException FromResponse(ApiException api, SecretRegistry secrets) =>
        Build((int)api.StatusCode, api.ReasonPhrase, api.Content, api.Headers, secrets, api);

    private static RemoteServiceException Build(int status, string? reason, string? content, HttpResponseHeaders headers,
        SecretRegistry secrets, Exception? inner)
    {
        var error = FirstError(content);
        var requestId = headers.TryGetValues("X-Request-ID", out var ids) ? ids.FirstOrDefault() : null;
        var text = error is null
            ? $"HTTP {status} {reason}"
            : $"HTTP {status} {error.Code}: {error.Title}{(string.IsNullOrEmpty(error.Detail) ? "" : $" — {error.Detail}")}";
        if (status == (int)HttpStatusCode.Forbidden) text += " (check the API key's role and that the Account Holder accepted the latest agreement)";
        var trace = string.Join(", ", new[] { error?.Id is { } id ? $"error id {id}" : null, requestId is null ? null : $"request id {requestId}" }
            .Where(s => s is not null));
        if (trace.Length > 0) text += $" [{trace}]";
        return new RemoteServiceException(Service, RemoteServiceException.KindOf(status),
            secrets.Redact($"{Service}: {text}"), status, error?.Code, headers.RetryAfter?.Delta, inner);
    }

    private static ErrorEntry? FirstError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize(content, AppStoreConnectJsonContext.Default.TypeInfo<ErrorDocument>())?.Errors is [var first, ..] ? first : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record ErrorDocument(IReadOnlyList<ErrorEntry>? Errors);

    internal sealed record ErrorEntry(string? Id, string? Status, string? Code, string? Title, string? Detail);
}
