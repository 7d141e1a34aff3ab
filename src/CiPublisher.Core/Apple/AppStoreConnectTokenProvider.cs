using System.Security.Cryptography;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiPublisher.Core.Apple;

/// <summary>
/// Issues the ES256 JWT App Store Connect expects ("Generating Tokens for API Requests") and reuses it
/// until shortly before it expires, so long runs and retries never send a stale token.
/// One ECDsa key lives as long as the provider: a disposed key breaks IdentityModel's cached signer.
/// </summary>
public sealed class AppStoreConnectTokenProvider : IDisposable
{
    public const string Audience = "appstoreconnect-v1";

    /// <summary>Apple rejects tokens living longer than 20 minutes; 15 leaves room for clock skew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>CI runners' clocks drift; an <c>iat</c> in Apple's future is refused.</summary>
    public static readonly TimeSpan BackDating = TimeSpan.FromSeconds(60);

    /// <summary>A token with less than this left is replaced, so a slow request or a retry still carries a valid one.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(3);

    private readonly AppleSettings _settings;
    private readonly string? _issuerId;
    private readonly SecretRegistry _secrets;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset Expires)? _current;
    private ECDsa? _key;
    private SigningCredentials? _credentials;

    /// <param name="settings">As binding left them: the key is its PEM text (<see cref="AppleKeyLoader.ReadPem"/>).</param>
    public AppStoreConnectTokenProvider(AppleSettings settings, SecretRegistry secrets, TimeProvider time)
    {
        _settings = settings;
        _secrets = secrets;
        _time = time;
        _secrets.Register(settings.PrivateKey);
        _issuerId = string.IsNullOrWhiteSpace(settings.IssuerId) ? null : settings.IssuerId.Trim();
    }

    /// <summary>A token valid for at least <see cref="RenewBefore"/> more.</summary>
    public string GetToken()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_current is { } current && current.Expires - now > RenewBefore) return current.Token;

            var issuedAt = now - BackDating;
            var expires = issuedAt + Lifetime;
            var token = _handler.CreateToken(Describe(issuedAt, expires));
            _secrets.Register(token);
            _current = (token, expires);
            return token;
        }
    }

    /// <summary>Loaded on first use, so building the service graph never fails on a bad key (validation reports it).</summary>
    private SigningCredentials Credentials()
    {
        if (_credentials is not null) return _credentials;
        _key = AppleKeyLoader.Load(_settings.PrivateKey, workingDirectory: null, _secrets);
        _credentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = _settings.KeyId.Trim() }, SecurityAlgorithms.EcdsaSha256)
        {
            // IdentityModel's shared cache keys signers by the key's thumbprint: a second provider in one process (the
            // same key, a new run) would get a signer bound to this provider's disposed ECDsa.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        return _credentials;
    }

    private SecurityTokenDescriptor Describe(DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = Credentials(),
            TokenType = "JWT",
        };
        // Team keys name their issuer; individual keys have none and say sub=user instead.
        if (_issuerId is not null) descriptor.Issuer = _issuerId;
        else descriptor.Claims = new Dictionary<string, object> { ["sub"] = "user" };
        return descriptor;
    }

    public void Dispose() => _key?.Dispose();
}
