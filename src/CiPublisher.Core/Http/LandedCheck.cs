namespace CiPublisher.Core.Http;

/// <summary>
/// The one way a write that must not be doubled is sent: when an attempt ends without a clear answer (a dropped
/// connection, a 5xx, a stall), ask whether it landed before sending it again; send again only while attempts
/// remain, after a pause on the injected clock.
/// </summary>
public static class LandedCheck
{
    public static async Task<T> SendAsync<T>(Write<T> write, TimeProvider time, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write.Send(cancellationToken);
            }
            catch (Exception failure) when (write.MayHaveLanded(failure))
            {
                if (await write.FindLanded(failure, cancellationToken) is { } landed) return landed;
                if (attempt >= write.MaxAttempts || !write.MaySendAgain(failure))
                {
                    if (write.GiveUp?.Invoke(attempt, failure) is { } instead) throw instead;
                    throw;
                }
                var delay = write.Delay(attempt, failure);
                write.BeforeSendingAgain?.Invoke(attempt + 1, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }
}

/// <summary>One write for <see cref="LandedCheck"/>: how to send it, and how to tell whether an unclear attempt landed.</summary>
public sealed record Write<T> where T : class
{
    public required Func<CancellationToken, Task<T>> Send { get; init; }

    /// <summary>Whether a failure leaves it unknown that the write landed; any other failure ends the write at once.</summary>
    public required Func<Exception, bool> MayHaveLanded { get; init; }

    /// <summary>What the write made, when it landed after all; null when it did not. May throw to end the write.</summary>
    public required Func<Exception, CancellationToken, Task<T?>> FindLanded { get; init; }

    public int MaxAttempts { get; init; } = 1;

    public Func<int, Exception, TimeSpan> Delay { get; init; } = (_, _) => TimeSpan.Zero;

    /// <summary>Whether a write that did not land may be sent again after this failure (not after "already exists").</summary>
    public Func<Exception, bool> MaySendAgain { get; init; } = _ => true;

    /// <summary>The exception to end with when attempts run out, instead of the last failure.</summary>
    public Func<int, Exception, Exception?>? GiveUp { get; init; }

    /// <summary>Told the coming attempt's number and the pause before it, for the log.</summary>
    public Action<int, TimeSpan>? BeforeSendingAgain { get; init; }
}
