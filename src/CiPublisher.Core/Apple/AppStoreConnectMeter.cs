namespace CiPublisher.Core.Apple;

/// <summary>What one client spent of the key's hourly quota: calls sent (every attempt) and the last quota Apple reported.</summary>
public sealed class AppStoreConnectMeter
{
    private readonly Lock _gate = new();
    private int _calls;
    private RateLimitHeader _last;

    public int Calls => Volatile.Read(ref _calls);

    public RateLimitHeader LastRateLimit
    {
        get { lock (_gate) return _last; }
    }

    internal void Observe(HttpResponseMessage? response)
    {
        Interlocked.Increment(ref _calls);
        if (response is null || !response.Headers.TryGetValues(RateLimitHeader.Name, out var values)) return;
        var parsed = RateLimitHeader.Parse(values.FirstOrDefault());
        if (parsed.HourRemaining is null && parsed.HourLimit is null) return;
        lock (_gate) _last = parsed;
    }

    /// <summary>Figures for a result: "api-calls", "rate-limit-remaining", "rate-limit-per-hour".</summary>
    public IReadOnlyDictionary<string, string> Figures()
    {
        var figures = new Dictionary<string, string> { ["api-calls"] = Calls.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var last = LastRateLimit;
        if (last.HourRemaining is { } remaining) figures["rate-limit-remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (last.HourLimit is { } limit) figures["rate-limit-per-hour"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return figures;
    }
}
