namespace CiPublisher.Core.Http;

/// <summary>
/// Cancels a transfer when no byte moved for the stall timeout, instead of a total time limit that a big
/// file on a slow link would exceed. Once the body is sent, the answer must come within the reply timeout.
/// </summary>
public sealed class StallWatchdog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _stallTimeout;
    private readonly TimeSpan _replyTimeout;
    private readonly CancellationTokenSource _cancellation;
    private readonly ITimer _timer;
    private long _lastProgress;
    private long _replyDeadline = long.MaxValue;

    public StallWatchdog(TimeProvider time, TimeSpan stallTimeout, TimeSpan replyTimeout, CancellationToken outer)
    {
        _time = time;
        _stallTimeout = stallTimeout;
        _replyTimeout = replyTimeout;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _lastProgress = time.GetTimestamp();
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, stallTimeout.Ticks / 4));
        _timer = time.CreateTimer(_ => Check(), null, period, period);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>Why the watchdog cancelled, or null when it did not.</summary>
    public string? StallReason { get; private set; }

    public void Progressed() => Interlocked.Exchange(ref _lastProgress, _time.GetTimestamp());

    public void BodySent() => Interlocked.Exchange(ref _replyDeadline, _time.GetTimestamp());

    private void Check()
    {
        var now = _time.GetTimestamp();
        var bodySentAt = Interlocked.Read(ref _replyDeadline);
        if (bodySentAt != long.MaxValue)
        {
            if (_time.GetElapsedTime(bodySentAt, now) > _replyTimeout)
                Cancel($"no answer within {_replyTimeout.TotalSeconds:0}s after the upload finished");
            return;
        }
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastProgress), now) > _stallTimeout)
            Cancel($"no progress for {_stallTimeout.TotalSeconds:0}s");
    }

    private void Cancel(string reason)
    {
        if (StallReason is not null) return;
        StallReason = reason;
        try { _cancellation.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _cancellation.Dispose();
    }
}
