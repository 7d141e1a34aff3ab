namespace CiPublisher.Core.Apple;

/// <summary>Counts every attempt and reads <c>X-Rate-Limit</c> from every answer (it sits inside the retry loop).</summary>
public sealed class AppStoreConnectMeterHandler(AppStoreConnectMeter meter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        finally
        {
            meter.Observe(response);
        }
    }
}
