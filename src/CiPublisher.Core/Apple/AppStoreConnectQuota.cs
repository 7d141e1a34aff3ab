using System.Globalization;

namespace CiPublisher.Core.Apple;

/// <summary>The key's hourly quota as Apple last reported it in <c>X-Rate-Limit</c>.</summary>
public sealed class AppStoreConnectQuota
{
    private readonly Lock _gate = new();
    private RateLimitHeader _last;

    public RateLimitHeader LastRateLimit
    {
        get { lock (_gate) return _last; }
    }

    internal void Observe(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(RateLimitHeader.Name, out var values)) return;
        var parsed = RateLimitHeader.Parse(values.FirstOrDefault());
        if (parsed.HourRemaining is null && parsed.HourLimit is null) return;
        lock (_gate) _last = parsed;
    }

    /// <summary>Figures for a result: "rate-limit-remaining", "rate-limit-per-hour", when Apple said them.</summary>
    public void AddFiguresTo(IDictionary<string, string> figures)
    {
        var last = LastRateLimit;
        if (last.HourRemaining is { } remaining) figures["rate-limit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (last.HourLimit is { } limit) figures["rate-limit-per-hour"] = limit.ToString(CultureInfo.InvariantCulture);
    }
}
