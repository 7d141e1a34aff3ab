using System.Text.RegularExpressions;

namespace CiPublisher.Tests.Packaging;

/// <summary>
/// Reads the YAML subset <c>action.yml</c> is written in: two-space indentation, <c>key: scalar</c> lines, scalars
/// plain, 'single-' or "double-quoted". Anything else (flow collections, block scalars) fails loudly, so the file
/// stays in the form this test can check. Real YAML validity is checked by scripts/validate-workflows.sh.
/// </summary>
public static partial class ActionYmlReader
{
    public static ActionMetadata Read(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        string? item = null;
        var fields = new Dictionary<string, string?>();

        void Flush()
        {
            if (item is null) return;
            if (section == "outputs" && !outputs.TryAdd(item, fields.GetValueOrDefault("description") ?? ""))
                throw new FormatException($"output '{item}' is declared twice");
            item = null;
            fields.Clear();
        }

        foreach (var (raw, number) in text.Replace("\r\n", "\n").Split('\n').Select((l, i) => (l, i + 1)))
        {
            var line = StripComment(raw).TrimEnd();
            if (line.Length == 0) continue;
            var match = KeyLine().Match(line);
            if (!match.Success) throw new FormatException($"line {number} is outside the YAML subset: {raw}");
            var indent = match.Groups["indent"].Length;
            var key = match.Groups["key"].Value;
            var value = match.Groups["value"].Success ? Scalar(match.Groups["value"].Value, number) : null;
            switch (indent)
            {
                case 0:
                    Flush();
                    section = key;
                    break;
                case 2 when section is "inputs" or "outputs":
                    Flush();
                    if (value is not null) throw new FormatException($"line {number}: {section} entry '{key}' needs fields");
                    item = key;
                    break;
                case 2 when section == "runs":
                    runs[key] = value ?? throw new FormatException($"line {number}: runs.{key} needs a scalar");
                    break;
                case 2:
                    break; // branding and other sections: shape only
                case 4 when item is not null:
                    fields[key] = value;
                    break;
                default:
                    throw new FormatException($"line {number} has an unexpected indentation: {raw}");
            }
        }
        Flush();
        return new ActionMetadata(outputs, runs);
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] == ' ')) return line[..i];
        }
        return line;
    }

    private static string Scalar(string text, int number)
    {
        if (text.StartsWith('\'')) return text.Length >= 2 && text.EndsWith('\'') ? text[1..^1].Replace("''", "'") : Bad();
        if (text.StartsWith('"')) return text.Length >= 2 && text.EndsWith('"') ? text[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\") : Bad();
        if (text[0] is '[' or '{' or '|' or '>' or '&' or '*' or '!') return Bad();
        return text;

        string Bad() => throw new FormatException($"line {number}: scalar outside the subset: {text}");
    }

    [GeneratedRegex(@"^(?<indent> *)(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?: (?<value>.+))?$")]
    private static partial Regex KeyLine();
}
