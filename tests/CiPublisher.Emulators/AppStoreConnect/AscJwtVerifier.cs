using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CiPublisher.Emulators.AppStoreConnect;

/// <summary>
/// Checks a bearer token the way App Store Connect documents it ("Generating Tokens for API Requests"):
/// ES256 over the raw r||s signature, kid, aud, iss (team key) or sub=user (individual key), iat/exp,
/// a lifetime of at most 20 minutes, not expired on the emulator's clock. Written independently of
/// IdentityModel so the client's wire format is really checked.
/// </summary>
public sealed class AscJwtVerifier(ECDsa publicKey, string keyId, string? issuerId, TimeProvider time)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);

    // Apple's tolerance for an iat slightly ahead of its clock is undocumented; a minute is generous.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Null when the token is good, else why not.</summary>
    public string? Problem(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return "no bearer token";
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return "not a JWS compact token";

        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
            signature = Base64Url(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return "undecodable token";
        }

        if (Text(header, "alg") != "ES256") return "alg is not ES256";
        if (Text(header, "kid") != keyId) return "unknown kid";
        if (Text(header, "typ") is { } typ && typ != "JWT") return "typ is not JWT";
        if (signature.Length != 64) return "signature is not raw r||s";
        if (!publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256))
            return "bad signature";

        if (!HasAudience(payload)) return "aud is not appstoreconnect-v1";
        if (issuerId is not null && Text(payload, "iss") != issuerId) return "wrong iss";
        if (issuerId is null && (Text(payload, "sub") != "user" || payload.TryGetProperty("iss", out _)))
            return "an individual key needs sub=user and no iss";
        if (!payload.TryGetProperty("iat", out var iatValue) || !iatValue.TryGetInt64(out var iat)) return "no iat";
        if (!payload.TryGetProperty("exp", out var expValue) || !expValue.TryGetInt64(out var exp)) return "no exp";

        var now = time.GetUtcNow();
        if (exp - iat > (long)MaxLifetime.TotalSeconds) return "lifetime over 20 minutes";
        if (DateTimeOffset.FromUnixTimeSeconds(iat) > now + FutureTolerance) return "iat in the future";
        if (DateTimeOffset.FromUnixTimeSeconds(exp) <= now) return "expired";
        if (DateTimeOffset.FromUnixTimeSeconds(exp) > now + MaxLifetime) return "exp more than 20 minutes ahead";
        return null;
    }

    private static bool HasAudience(JsonElement payload) =>
        payload.TryGetProperty("aud", out var aud) && (aud.ValueKind == JsonValueKind.String
            ? aud.GetString() == "appstoreconnect-v1"
            : aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().Any(a => a.GetString() == "appstoreconnect-v1"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
