using System.Globalization;

namespace CiPublisher.Bench;

internal static class Sizes
{
    /// <summary>"256M", "1G", "4G" → bytes (binary units).</summary>
    public static long Parse(string text)
    {
        var unit = char.ToUpperInvariant(text[^1]);
        var number = long.Parse(char.IsDigit(unit) ? text : text[..^1], CultureInfo.InvariantCulture);
        return unit switch { 'K' => number << 10, 'M' => number << 20, 'G' => number << 30, _ => number };
    }

    public static string Label(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} B";
}
