using System.Net.Http.Headers;

namespace CiPublisher.Core.Apple;

/// <summary>Puts a current token on every attempt; it sits inside the retry loop, so a retry never reuses a stale one.</summary>
public sealed class AppStoreConnectAuthHandler(AppStoreConnectTokenProvider tokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetToken());
        return base.SendAsync(request, cancellationToken);
    }
}
