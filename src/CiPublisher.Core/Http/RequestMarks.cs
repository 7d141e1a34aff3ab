namespace CiPublisher.Core.Http;

/// <summary>Per-request options that tell the resilience handler how to treat a request.</summary>
public static class RequestMarks
{
    /// <summary>
    /// A POST that may be sent again after a transient failure (a preflight, a create the server
    /// deduplicates itself). Other POSTs are never re-sent by the handler: their target checks first.
    /// Refit: <c>[Property(RequestMarks.RetrySafeKey)] bool retrySafe = true</c>.
    /// </summary>
    public const string RetrySafeKey = "CiPublisher.RetrySafe";

    /// <summary>A transfer: bounded by its stall watchdog, not by the per-attempt timeout.</summary>
    public const string TransferKey = "CiPublisher.Transfer";

    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new(RetrySafeKey);
    public static readonly HttpRequestOptionsKey<bool> Transfer = new(TransferKey);

    public static bool IsRetrySafe(HttpRequestMessage request) =>
        IsIdempotent(request.Method) || (request.Options.TryGetValue(RetrySafe, out var safe) && safe);

    public static bool IsTransfer(HttpRequestMessage request) =>
        request.Options.TryGetValue(Transfer, out var transfer) && transfer;

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Options;
}
