using System.Globalization;
using System.Text;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// How a source's author writes JSON, read from a neighbouring entry, so that a new entry looks like theirs: line
/// breaks, indentation, the space after a colon, and whether non-ASCII characters and slashes are escaped.
/// </summary>
public sealed record JsonTextStyle(string Newline, bool MultiLine, string EntryIndent, string KeyIndent, string Colon, string Comma,
    bool EscapeNonAscii, bool EscapeSlash)
{
    /// <summary>A string as the author would write it.</summary>
    public string Quote(string value)
    {
        var text = new StringBuilder("\"");
        Span<char> units = stackalloc char[2];
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '/' when EscapeSlash: text.Append("\\/"); break;
                case < 0x20: text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"); break;
                case > 0x7E when EscapeNonAscii:
                    var count = rune.EncodeToUtf16(units);
                    for (var i = 0; i < count; i++) text.Append(CultureInfo.InvariantCulture, $"\\u{(int)units[i]:x4}");
                    break;
                default: text.Append(rune.ToString()); break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>The style of the entry at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>.</summary>
    public static JsonTextStyle Of(string text, int start, int end)
    {
        var entry = text[start..end];
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var entryIndent = LeadingSpace(text[lineStart..start]);
        var multiLine = entry.Contains('\n', StringComparison.Ordinal);
        var keyIndent = multiLine ? LeadingSpace(entry[(entry.IndexOf('\n', StringComparison.Ordinal) + 1)..]) : "";
        var colon = entry.Contains("\": ", StringComparison.Ordinal) ? ": " : ":";
        var comma = !multiLine && entry.Contains("\", \"", StringComparison.Ordinal) ? ", " : ",";
        return new JsonTextStyle(newline, multiLine, entryIndent, keyIndent, colon, comma,
            EscapeNonAscii: HasEscapedNonAscii(text), EscapeSlash: text.Contains("\\/", StringComparison.Ordinal));
    }

    /// <summary>For a file with no entry to copy: one entry per line block, keys one unit deeper than the entry.</summary>
    public static JsonTextStyle Default(string text, string entryIndent, string unit, bool multiLine) =>
        new(text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", multiLine, entryIndent, entryIndent + unit,
            text.Contains("\": ", StringComparison.Ordinal) ? ": " : ":", ",", HasEscapedNonAscii(text), text.Contains("\\/", StringComparison.Ordinal));

    private static string LeadingSpace(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    // \u00e9 and the like: the author (or their tool) escapes what is not ASCII. \u0022-style escapes of ASCII do not count.
    private static bool HasEscapedNonAscii(string text)
    {
        for (var i = text.IndexOf("\\u", StringComparison.Ordinal); i >= 0 && i + 6 <= text.Length; i = text.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (i > 0 && text[i - 1] == '\\') continue;
            if (int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code > 0x7E) return true;
        }
        return false;
    }
}
