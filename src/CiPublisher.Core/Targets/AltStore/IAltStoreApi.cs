using CiPublisher.Core.Http;
using Refit;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// The AltStore PAL REST API (no authentication documented). Answers come back raw because neither their
/// status codes nor their bodies are documented: <see cref="AltStoreGateway"/> reads them defensively.
/// </summary>
public interface IAltStoreApi
{
    /// <summary>For the ADP download, whose link AltStore gives as an absolute URL on a host of its own.</summary>
    HttpClient Client { get; }

    /// <summary>Asks AltStore to process a notarized ADP now. Not retried blindly: the gateway looks first.</summary>
    [Post("/adps")]
    Task<HttpResponseMessage> ProcessAdpAsync([Body] ProcessAdpRequest request, CancellationToken cancellationToken);

    [Get("/adps/{adpId}")]
    Task<HttpResponseMessage> GetAdpAsync(string adpId, CancellationToken cancellationToken);

    /// <summary>Federating an already-federated source is assumed harmless (unconfirmed), so it may be re-sent.</summary>
    [Post("/federate")]
    Task<HttpResponseMessage> FederateAsync([Body] FederateRequest request, CancellationToken cancellationToken,
        [Property(RequestMarks.RetrySafeKey)] bool retrySafe = true);

    /// <summary>Never re-sent: a second call may issue a second token (unconfirmed).</summary>
    [Post("/register")]
    Task<HttpResponseMessage> RegisterAsync([Body] RegisterRequest request, CancellationToken cancellationToken);
}
