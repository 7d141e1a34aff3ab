using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace CiPublisher.Core.Http;

/// <summary>What counts as worth another attempt.</summary>
public static class TransientFailure
{
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Connection failures, including Refit's wrapper for a request that got no response.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or IOException or SocketException or Refit.ApiRequestException;
}
