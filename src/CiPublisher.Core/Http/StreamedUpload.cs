using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Http;

/// <summary>
/// One file sent by attempts, for <see cref="LandedCheck"/>: each attempt streams it afresh from disk behind a stall
/// watchdog of its own, and the last attempt's content says how much was sent and its SHA-256. It also says, the same
/// way for every service, which failures leave it unknown whether the file landed, why an attempt ended, and how long
/// to pause before the next.
/// </summary>
public sealed class StreamedUpload(string path, string name, string mediaType, HttpSettings http, ITransferProgress progress, TimeProvider time)
    : IDisposable
{
    private StallWatchdog? _watchdog;

    /// <summary>The content of the last attempt (its bytes sent, its SHA-256), or null before the first.</summary>
    public HashingFileContent? Content { get; private set; }

    /// <summary>A fresh content and watchdog for the next attempt; send with <see cref="Token"/>.</summary>
    public HashingFileContent NextAttempt(CancellationToken cancellationToken)
    {
        _watchdog?.Dispose();
        _watchdog = new StallWatchdog(time, http.StallTimeout, http.AttemptTimeout, cancellationToken);
        return Content = new HashingFileContent(path, name, progress, time, _watchdog, mediaType);
    }

    /// <summary>Cancelled when the current attempt stalls, or when the run is cancelled.</summary>
    public CancellationToken Token => _watchdog?.Token ?? CancellationToken.None;

    /// <summary>Why an attempt ended: the stall the watchdog saw, else the failure itself.</summary>
    public string Why(Exception failure) => _watchdog?.StallReason ?? FailureText.Of(failure);

    /// <summary>A failure after which the file may be on the server: ask before sending it again.</summary>
    public static bool MayHaveLanded(Exception failure, CancellationToken run) => failure switch
    {
        RemoteServiceException remote => remote.IsTransient,
        // A stall cancels the attempt, not the run.
        OperationCanceledException => !run.IsCancellationRequested,
        _ => TransientFailure.IsTransient(failure),
    };

    /// <summary>The server's Retry-After, else exponential from <c>retry-base-delay</c> with ±20 % jitter.</summary>
    public TimeSpan PauseBefore(int attempt, Exception failure) => PauseBefore(http, attempt, failure);

    /// <inheritdoc cref="PauseBefore(int, Exception)"/>
    public static TimeSpan PauseBefore(HttpSettings http, int attempt, Exception failure) =>
        (failure as RemoteServiceException)?.RetryAfter
        ?? TimeSpan.FromMilliseconds(http.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));

    public void Dispose() => _watchdog?.Dispose();
}
