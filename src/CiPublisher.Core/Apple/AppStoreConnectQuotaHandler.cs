namespace CiPublisher.Core.Apple;

/// <summary>Reads <c>X-Rate-Limit</c> from every answer (it sits inside the retry loop).</summary>
public sealed class AppStoreConnectQuotaHandler(AppStoreConnectQuota quota) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        quota.Observe(response);
        return response;
    }
}
