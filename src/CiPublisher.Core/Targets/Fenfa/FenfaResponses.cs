using System.Net;
using System.Text.Json;
using CiPublisher.Core.Http;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// The one place Fenfa answers become data or a <see cref="RemoteServiceException"/>: the JSON envelope
/// (<c>{"ok":false,"error":{"code","message"}}</c>), Gin's plain-text 404, and a proxy's HTML page.
/// </summary>
public static class FenfaResponses
{
    public const string Service = "Fenfa";

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var envelope = TryParse(body);
            if (response.IsSuccessStatusCode && envelope is { Ok: true })
            {
                if (envelope.Data is not { } data || data.ValueKind == JsonValueKind.Null)
                    throw Protocol(response, action, "the answer has no data");
                try
                {
                    return data.Deserialize(FenfaJsonContext.Default.TypeInfo<T>()) ?? throw Protocol(response, action, "the answer's data is empty");
                }
                catch (JsonException e)
                {
                    throw Protocol(response, action, $"the answer's data has an unexpected shape ({e.Message})");
                }
            }
            throw Failure(response, action, body, envelope);
        }
    }

    public static async Task EnsureOkAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var envelope = TryParse(body);
            if (response.IsSuccessStatusCode && envelope is not { Ok: false }) return;
            throw Failure(response, action, body, envelope);
        }
    }

    /// <summary>Fenfa's code and message when the body is its envelope, else the HTTP status and what the body looks like.</summary>
    public static RemoteServiceException Failure(HttpResponseMessage response, string action, string body, Envelope? envelope = null)
    {
        envelope ??= TryParse(body);
        var status = (int)response.StatusCode;
        var kind = response.IsSuccessStatusCode ? RemoteFailureKind.Rejected : RemoteServiceException.KindOf(status);
        if (envelope?.Error is { } error)
        {
            var message = string.IsNullOrWhiteSpace(error.Message) ? "" : $": {error.Message}";
            return new RemoteServiceException(Service, kind, $"{action} failed: HTTP {status} {error.Code}{message}", status, error.Code,
                RetryAfter.Of(response, TimeProvider.System));
        }
        return new RemoteServiceException(Service, kind, $"{action} failed: HTTP {status} ({response.StatusCode}, not JSON: {AnswerText.Quote(body)})", status,
            retryAfter: RetryAfter.Of(response, TimeProvider.System));
    }

    private static RemoteServiceException Protocol(HttpResponseMessage response, string action, string problem) =>
        new(Service, RemoteFailureKind.Server, $"{action}: {problem} (HTTP {(int)response.StatusCode}); is fenfa-url the Fenfa server?", (int)response.StatusCode);

    public sealed record Envelope(bool Ok, JsonElement? Data, EnvelopeError? Error);

    public sealed record EnvelopeError(string Code, string? Message);

    private static Envelope? TryParse(string body)
    {
        if (!body.TrimStart().StartsWith('{')) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok)
                || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return null;
            EnvelopeError? error = null;
            if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                var code = e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "ERROR";
                var message = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                error = new EnvelopeError(code, message);
            }
            JsonElement? data = root.TryGetProperty("data", out var d) ? d.Clone() : null;
            return new Envelope(ok.GetBoolean(), data, error);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
