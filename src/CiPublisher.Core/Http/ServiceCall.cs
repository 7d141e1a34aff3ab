using System.Runtime.ExceptionServices;
using CiPublisher.Core.Security;
using Refit;

namespace CiPublisher.Core.Http;

/// <summary>
/// The one way a request that got no answer (connection refused or reset, a broken body, Refit's wrapping of either)
/// leaves a service client: a <see cref="RemoteServiceException"/> of kind Transport naming the service, the cause
/// redacted. A cancellation stays a cancellation, unwrapped, so callers can tell a stall from the user's Ctrl-C.
/// </summary>
public static class ServiceCall
{
    public static async Task<HttpResponseMessage> SendAsync(string service, Func<Task<HttpResponseMessage>> send, SecretRegistry secrets,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await send();
        }
        catch (ApiRequestException wrapped) when (wrapped.InnerException is OperationCanceledException cancelled)
        {
            ExceptionDispatchInfo.Throw(cancelled);
            throw;
        }
        catch (Exception failure) when (failure is HttpRequestException or ApiRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var cause = failure is ApiRequestException { InnerException: { } inner } ? inner : failure;
            throw new RemoteServiceException(service, RemoteFailureKind.Transport,
                $"{service} could not be reached: {secrets.Redact(FailureText.Of(cause))}", inner: failure);
        }
    }
}
