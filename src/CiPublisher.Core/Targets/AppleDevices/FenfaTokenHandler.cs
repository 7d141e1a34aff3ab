namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Fenfa authenticates with one header, <c>X-Auth-Token</c> (Fenfa contract §1).</summary>
public sealed class FenfaTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        return base.SendAsync(request, cancellationToken);
    }
}
