namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// Waits between status polls: processing takes minutes (about 3–5, observed by third parties), so polling starts
/// near 10 s and grows to about a minute; jitter keeps many pipelines from polling in step.
/// </summary>
public sealed class PollSchedule(Random random)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(60);
    private const double Growth = 1.5;
    private const double Jitter = 0.2;

    private TimeSpan _base = FirstDelay;

    public static TimeSpan ShortestPossible => FirstDelay * (1 - Jitter);

    public static TimeSpan LongestPossible => LongestDelay * (1 + Jitter);

    public TimeSpan Next()
    {
        var jittered = _base * (1 + ((random.NextDouble() * 2) - 1) * Jitter);
        _base = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, (long)(_base.Ticks * Growth)));
        return jittered;
    }
}
