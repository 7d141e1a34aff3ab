namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>Fenfa's one auth header (contract §1); added on every attempt.</summary>
public sealed class FenfaAuthHandler(string? token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same request through here again: replace the header, never add a second value.
        request.Headers.Remove("X-Auth-Token");
        if (token is not null) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        return base.SendAsync(request, cancellationToken);
    }
}
