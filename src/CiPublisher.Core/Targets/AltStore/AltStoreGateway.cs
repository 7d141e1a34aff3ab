using System.Text.Json;
using System.Text.Json.Nodes;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// The one place where AltStore's answers become the tool's terms. Nothing about them is documented beyond
/// field names, so any non-2xx is a failure quoting the (redacted, shortened) body, and a 2xx that is not the
/// expected JSON is a protocol failure rather than a guess.
/// </summary>
public sealed class AltStoreGateway(IAltStoreApi api, SecretRegistry secrets)
{
    public const string Service = "AltStore";

    public async Task TriggerAsync(string adpId, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.ProcessAdpAsync(new ProcessAdpRequest(adpId), cancellationToken));
        await EnsureSuccessAsync(response, $"POST /adps for ADP {adpId}", cancellationToken);
    }

    /// <summary>The ADP's state, or null when AltStore does not know the ID (404; its exact answer is unconfirmed).</summary>
    public async Task<AdpState?> GetAdpAsync(string adpId, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.GetAdpAsync(adpId, cancellationToken));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        var body = await EnsureSuccessAsync(response, $"GET /adps/{adpId}", cancellationToken);
        var json = ParseObject(body, $"GET /adps/{adpId}");
        return new AdpState(StringOf(json, "status"), StringOf(json, "downloadURL"), MessageOf(json),
            DownloadExpired: json["downloadExpired"] is JsonValue expired && expired.TryGetValue<bool>(out var isExpired) && isExpired);
    }

    /// <summary>Returns what AltStore answered (status and body, if any), for the report.</summary>
    public async Task<string> FederateAsync(Uri source, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.FederateAsync(new FederateRequest(source.AbsoluteUri), cancellationToken));
        var body = await EnsureSuccessAsync(response, "POST /federate", cancellationToken);
        var status = $"HTTP {(int)response.StatusCode}";
        return string.IsNullOrWhiteSpace(body) ? status : $"{status}: {Quote(body)}";
    }

    /// <summary>The security token is registered as a secret before this returns, so no later log line can carry it.</summary>
    public async Task<(string Token, DateTimeOffset? Expiration)> RegisterAsync(string developerId, string email,
        CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.RegisterAsync(new RegisterRequest(developerId, email), cancellationToken));
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = TryParseObject(body);
        var token = json is null ? null : StringOf(json, "token");
        secrets.Register(token);
        if (!response.IsSuccessStatusCode) throw Failure(response, "POST /register", body);
        if (string.IsNullOrWhiteSpace(token))
            throw new RemoteServiceException(Service, RemoteFailureKind.Server,
                $"{Service} POST /register answered without a token: {Quote(body)}", (int)response.StatusCode);
        var expiration = DateTimeOffset.TryParse(StringOf(json!, "expiration"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return (token, expiration);
    }

    private Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> send) => ServiceCall.SendAsync(Service, send, secrets);

    private async Task<string> EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw Failure(response, what, body);
        return body;
    }

    private RemoteServiceException Failure(HttpResponseMessage response, string what, string body)
    {
        var status = (int)response.StatusCode;
        var quoted = Quote(body);
        return new RemoteServiceException(Service, RemoteServiceException.KindOf(status),
            $"{Service} {what} failed with HTTP {status}: {quoted}", status);
    }

    private JsonObject ParseObject(string body, string what) =>
        TryParseObject(body) ?? throw new RemoteServiceException(Service, RemoteFailureKind.Server,
            $"{Service} {what} answered something that is not a JSON object: {Quote(body)}");

    private static JsonObject? TryParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What AltStore said beside the status; the key of its error message is unconfirmed, so the usual ones are read.</summary>
    private string? MessageOf(JsonObject json)
    {
        foreach (var key in new[] { "message", "error", "errorMessage", "reason", "detail" })
        {
            var text = json[key] is JsonObject nested ? StringOf(nested, "message") : StringOf(json, key);
            if (!string.IsNullOrWhiteSpace(text)) return secrets.Redact(text.Trim());
        }
        return null;
    }

    private static string? StringOf(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private string Quote(string body) => AnswerText.Quote(body, secrets);
}
