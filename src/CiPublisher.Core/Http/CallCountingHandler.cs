namespace CiPublisher.Core.Http;

/// <summary>Counts each request it passes on; it sits inside the retry loop, so every attempt counts.</summary>
public sealed class CallCountingHandler(string service, CallMeter meter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        meter.Count(service);
        return base.SendAsync(request, cancellationToken);
    }
}
