using System.Globalization;

namespace CiPublisher.Core.Apple;

/// <summary>
/// Apple's <c>X-Rate-Limit: user-hour-lim:3500;user-hour-rem:500;</c> ("Identifying Rate Limits"): key/value
/// pairs, a trailing ';' tolerated, unknown keys ignored.
/// </summary>
public readonly record struct RateLimitHeader(int? HourLimit, int? HourRemaining)
{
    public const string Name = "X-Rate-Limit";

    public static RateLimitHeader Parse(string? value)
    {
        int? limit = null, remaining = null;
        foreach (var pair in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !int.TryParse(pair[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                continue;
            switch (pair[..colon].Trim().ToLowerInvariant())
            {
                case "user-hour-lim": limit = number; break;
                case "user-hour-rem": remaining = number; break;
            }
        }
        return new RateLimitHeader(limit, remaining);
    }
}
