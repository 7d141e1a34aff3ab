using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>
/// The access token for the run: the <c>aptoide-token</c> input, or one obtained with the account's password.
/// The token travels in the form body, not a header, so it is handed to the form builder instead of a DelegatingHandler.
/// </summary>
internal sealed class AptoideAccessTokens(AptoideSettings aptoide, AptoideClient client, SecretRegistry secrets)
{
    private readonly AptoideSettings _settings = aptoide;
    private string? _token;

    /// <summary>With the account's password a refused or expired token can be replaced once.</summary>
    public bool CanLogIn => _settings.Username is { Length: > 0 } && _settings.Password is { Length: > 0 };

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is not null) return _token;
        if (_settings.Token is { Length: > 0 } given)
        {
            secrets.Register(given);
            return _token = given;
        }
        return _token = await LogInAsync(cancellationToken);
    }

    /// <summary>A new token after <paramref name="refused"/> was rejected (expired or invalid).</summary>
    public async Task<string> RenewAsync(string refused, CancellationToken cancellationToken)
    {
        if (_token != refused) return _token ?? await GetAsync(cancellationToken);
        return _token = await LogInAsync(cancellationToken);
    }

    private async Task<string> LogInAsync(CancellationToken cancellationToken)
    {
        if (!CanLogIn)
            throw new RemoteServiceException(AptoideResponseReader.Service, RemoteFailureKind.Authentication,
                "Aptoide needs aptoide-token, or aptoide-username and aptoide-password");
        secrets.Register(_settings.Password);
        var token = await client.AuthenticateAsync(_settings.Username!, _settings.Password!, cancellationToken);
        secrets.Register(token);
        return token;
    }
}
