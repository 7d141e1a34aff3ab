using System.Globalization;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// Timestamps that never repeat or go backwards, so "newest first" is well defined even when two rows are
/// created within the same tick of the underlying <see cref="TimeProvider"/> (or a frozen fake one).
/// </summary>
internal sealed class FenfaClock(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private long _sequence;

    public TimeProvider Time { get; } = time;

    /// <summary>The next timestamp (at least one tick after the previous one) and its sequence number.</summary>
    public (DateTimeOffset At, long Sequence) Next()
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            _last = now > _last ? now : _last.AddTicks(1);
            return (_last, ++_sequence);
        }
    }

    /// <summary>A sequence number for a row whose timestamp the caller chose (seeding).</summary>
    public long NextSequence()
    {
        lock (_gate) return ++_sequence;
    }

    /// <summary>
    /// Go's <c>time.Time</c> JSON form (RFC 3339 with the fraction's trailing zeros cut, "Z" for a zero
    /// offset), in the server's local zone as Fenfa writes it.
    /// </summary>
    public string ToJson(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = local.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        if (fraction.Length > 0) text += "." + fraction;
        return text + (local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture));
    }

    /// <summary>The CSV export's <c>YYYY-MM-DD HH:MM:SS</c> in server local time.</summary>
    public string ToCsv(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The smart upload's file-name stamp <c>YYYYMMDD_HHMMSS</c> in server local time.</summary>
    public string ToFileStamp(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString("yyyyMMdd'_'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>The start of a <c>YYYY-MM-DD</c> day in server local time, as the export filters read it.</summary>
    public DateTimeOffset? ParseDay(string? text)
    {
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        return new DateTimeOffset(day, Time.LocalTimeZone.GetUtcOffset(day));
    }
}
