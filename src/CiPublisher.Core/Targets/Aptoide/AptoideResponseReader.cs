using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>
/// The one place where Aptoide's answers become either an <see cref="AptoideReply"/> (OK or FAIL, which the
/// upload flow branches on) or a <see cref="RemoteServiceException"/> (token errors, 5xx, anything off-contract).
/// The HTTP status alone decides nothing: Aptoide reports application failures with HTTP 200.
/// </summary>
internal sealed class AptoideResponseReader(SecretRegistry secrets, ILogger logger)
{
    public const string Service = "Aptoide";

    private static readonly string[] TokenFields = ["access_token", "refresh_token"];

    public async Task<AptoideReply> ReadAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!TryParseObject(body, out var root))
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            LogOffContract(endpoint, status, body);
            throw new RemoteServiceException(Service, status >= 400 ? RemoteServiceException.KindOf(status) : RemoteFailureKind.Server,
                $"Aptoide {endpoint} answered HTTP {status} with a body that is not JSON ({mediaType})", status);
        }

        // Before anything could log or quote this body, its tokens become secrets.
        foreach (var field in TokenFields)
        {
            if (root.TryGetProperty(field, out var token) && token.ValueKind == JsonValueKind.String) secrets.Register(token.GetString());
        }

        if (TextOf(root, "error") is { } error)
        {
            var description = TextOf(root, "error_description");
            var kind = status >= 500 ? RemoteFailureKind.Server
                : status == 429 ? RemoteFailureKind.RateLimited
                : RemoteFailureKind.Authentication;
            throw new RemoteServiceException(Service, kind,
                secrets.Redact($"Aptoide {endpoint} refused the credentials (HTTP {status}): {error}{(description is null ? "" : $": {description}")}"),
                status, error);
        }

        var envelopeStatus = TextOf(root, "status");
        AptoideReply? reply = envelopeStatus?.ToUpperInvariant() switch
        {
            "OK" => new AptoideReply(true, [], root),
            "FAIL" => new AptoideReply(false, ErrorsOf(root), root),
            // A plain OAuth2 token answer may come without the v3 envelope.
            null when TextOf(root, "access_token") is not null => new AptoideReply(true, [], root),
            _ => null,
        };
        if (reply is null)
        {
            LogOffContract(endpoint, status, body);
            throw new RemoteServiceException(Service, status >= 400 ? RemoteServiceException.KindOf(status) : RemoteFailureKind.Server,
                $"Aptoide {endpoint} answered HTTP {status} with JSON outside its v3 envelope (status '{secrets.Redact(envelopeStatus ?? "missing")}')",
                status);
        }
        if (status >= 500)
        {
            throw new RemoteServiceException(Service, RemoteFailureKind.Server,
                $"Aptoide {endpoint} failed with HTTP {status}: {secrets.Redact(reply.DescribeErrors())}", status, reply.FirstCode);
        }
        return reply with { Errors = [.. reply.Errors.Select(e => e with { Message = secrets.Redact(e.Message) })] };
    }

    /// <summary>Errors are objects <c>{code, msg}</c> in Aptoide's uploader and bare strings in the legacy docs; both are read.</summary>
    private static List<AptoideError> ErrorsOf(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors)) return [];
        var entries = errors.ValueKind == JsonValueKind.Array ? errors.EnumerateArray().ToList() : [errors];
        return [.. entries.Select(ErrorOf).OfType<AptoideError>()];
    }

    private static AptoideError? ErrorOf(JsonElement entry) => entry.ValueKind switch
    {
        JsonValueKind.String => new AptoideError(null, entry.GetString() ?? ""),
        JsonValueKind.Object => new AptoideError(TextOf(entry, "code"),
            TextOf(entry, "msg") ?? TextOf(entry, "message") ?? TextOf(entry, "description") ?? "no message"),
        _ => null,
    };

    private static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryParseObject(string body, out JsonElement root)
    {
        root = default;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return false;
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void LogOffContract(string endpoint, int status, string body)
    {
        logger.LogWarning("Aptoide {Endpoint} answered HTTP {Status} outside the documented contract: {Body}",
            endpoint, status, AnswerText.Quote(body, secrets));
    }
}
