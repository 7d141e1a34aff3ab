namespace CiPublisher.Core.Http;

public enum RemoteFailureKind
{
    /// <summary>The credential is missing or not accepted (401).</summary>
    Authentication,

    /// <summary>The credential is valid but may not do this (403).</summary>
    Permission,

    NotFound,
    RateLimited,

    /// <summary>The service refused the request's content (400, 409, 422, Aptoide FAIL).</summary>
    Rejected,

    /// <summary>The service failed (5xx) or answered something that is not its protocol.</summary>
    Server,

    /// <summary>No answer: connection refused or dropped, timeout.</summary>
    Transport,
}

/// <summary>
/// A foreign failure (HTTP status, service error code, socket error) translated once into the tool's own terms.
/// The message never carries a secret: callers build it from the service's code and message, already redacted.
/// </summary>
public sealed class RemoteServiceException : Exception
{
    public RemoteServiceException(string service, RemoteFailureKind kind, string message, int? statusCode = null,
        string? code = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Service = service;
        Kind = kind;
        StatusCode = statusCode;
        Code = code;
        RetryAfter = retryAfter;
    }

    public string Service { get; }
    public RemoteFailureKind Kind { get; }
    public int? StatusCode { get; }
    public string? Code { get; }
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The service or the network failed, or asked to slow down: a write may have landed, and the same call may work
    /// later. The one meaning of "transient" every target branches on.
    /// </summary>
    public bool IsTransient => Kind is RemoteFailureKind.Server or RemoteFailureKind.Transport or RemoteFailureKind.RateLimited;

    public static RemoteFailureKind KindOf(int statusCode) => statusCode switch
    {
        401 => RemoteFailureKind.Authentication,
        403 => RemoteFailureKind.Permission,
        404 => RemoteFailureKind.NotFound,
        429 => RemoteFailureKind.RateLimited,
        >= 500 => RemoteFailureKind.Server,
        _ => RemoteFailureKind.Rejected,
    };
}
