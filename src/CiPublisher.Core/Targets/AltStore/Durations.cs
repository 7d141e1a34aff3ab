using System.Globalization;

namespace CiPublisher.Core.Targets.AltStore;

internal static class Durations
{
    /// <summary>"45s", "3m 12s", "1h 05m": how long a person reads it, not a TimeSpan's "00:03:12.4410000".</summary>
    public static string Describe(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h {seconds % 3600 / 60:00}m"),
        };
    }
}
