using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>Aptoide's two calls, with transport failures and answers translated into the tool's terms.</summary>
internal sealed class AptoideClient(IAptoideApi api, SecretRegistry secrets, ILogger<AptoideClient> logger)
{
    private const string ClientId = "Aptoide";

    private readonly AptoideResponseReader _reader = new(secrets, logger);
    /// <summary>Exchanges the account's credentials for an access token (password grant); the token is registered as a secret.</summary>
    public async Task<string> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        // Form encoding, as Aptoide's own uploader sends it. Asking for a token twice is harmless, so retries are allowed.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = ClientId,
            ["username"] = username,
            ["password"] = password,
            ["mode"] = "json",
        });
        var reply = await SendAsync("oauth2Authentication", () => api.AuthenticateAsync(form, retrySafe: true, cancellationToken),
            cancellationToken);
        if (!reply.IsOk)
        {
            throw new RemoteServiceException(AptoideResponseReader.Service, RemoteFailureKind.Authentication,
                $"Aptoide oauth2Authentication refused the credentials: {reply.DescribeErrors()}", 200, reply.FirstCode);
        }
        return reply.Text("access_token") is { Length: > 0 } token
            ? token
            : throw new RemoteServiceException(AptoideResponseReader.Service, RemoteFailureKind.Server,
                "Aptoide oauth2Authentication answered OK without an access_token");
    }

    /// <summary>
    /// One uploadAppToRepo call. <paramref name="retrySafe"/> only for the checksum question (asking twice
    /// changes nothing); a file upload is marked as a transfer and never re-sent here.
    /// </summary>
    public Task<AptoideReply> UploadAppToRepoAsync(HttpContent form, bool retrySafe, bool transfer, CancellationToken cancellationToken) =>
        SendAsync("uploadAppToRepo", () => api.UploadAppToRepoAsync(form, retrySafe, transfer, cancellationToken), cancellationToken);

    private async Task<AptoideReply> SendAsync(string endpoint, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var response = await ServiceCall.SendAsync(AptoideResponseReader.Service, send, secrets, cancellationToken);
        return await _reader.ReadAsync(response, endpoint, cancellationToken);
    }
}
