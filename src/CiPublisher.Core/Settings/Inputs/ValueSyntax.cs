using System.Globalization;
using System.Net;

namespace CiPublisher.Core.Settings.Inputs;

/// <summary>The value syntaxes of INTERFACE.md: booleans, durations, lists, URLs.</summary>
public static class ValueSyntax
{
    public static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    /// <summary><c>90s</c>, <c>15m</c>, <c>1h</c> or plain seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.Length == 0) return null;
        var (number, unit) = char.IsLetter(trimmed[^1]) ? (trimmed[..^1], trimmed[^1]) : (trimmed, 's');
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value) || value < 0 || value > 1e7)
            return null;
        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }

    /// <summary>Items separated by newlines or commas, trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> ParseList(string text) =>
        text.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lines only (a device line has commas of its own).</summary>
    public static IReadOnlyList<string> ParseLines(string text) =>
        text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
