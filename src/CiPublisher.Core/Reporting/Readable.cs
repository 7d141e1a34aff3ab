using System.Globalization;

namespace CiPublisher.Core.Reporting;

/// <summary>The one way sizes and durations are written for people: the log, the job summary, reasons and figures.</summary>
public static class Readable
{
    /// <summary>"512 B", "66.3 KiB", "1.2 MiB", "3.75 GiB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    /// <summary>"45s", "3m 12s", "1h 05m": how long a person reads it, not a TimeSpan's "00:03:12.4410000".</summary>
    public static string Duration(TimeSpan duration)
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
