using System.Net;
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

    private static RemoteServiceException FromResponse(ApiException api, SecretRegistry secrets)
    {
        var status = (int)api.StatusCode;
        var error = FirstError(api.Content);
        var requestId = api.Headers.TryGetValues("X-Request-ID", out var ids) ? ids.FirstOrDefault() : null;
        var text = error is null
            ? $"HTTP {status} {api.ReasonPhrase}"
            : $"HTTP {status} {error.Code}: {error.Title}{(string.IsNullOrEmpty(error.Detail) ? "" : $" — {error.Detail}")}";
        if (status == (int)HttpStatusCode.Forbidden) text += " (check the API key's role and that the Account Holder accepted the latest agreement)";
        var trace = string.Join(", ", new[] { error?.Id is { } id ? $"error id {id}" : null, requestId is null ? null : $"request id {requestId}" }
            .Where(s => s is not null));
        if (trace.Length > 0) text += $" [{trace}]";
        return new RemoteServiceException(Service, RemoteServiceException.KindOf(status),
            secrets.Redact($"{Service}: {text}"), status, error?.Code,
            api.Headers.RetryAfter?.Delta, api);
    }

    private static ErrorEntry? FirstError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize<ErrorDocument>(content, HttpClientRegistration.Json)?.Errors is [var first, ..] ? first : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ErrorDocument(IReadOnlyList<ErrorEntry>? Errors);

    private sealed record ErrorEntry(string? Id, string? Status, string? Code, string? Title, string? Detail);
}
