using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// The layout of the user's file (indent character and width, final newline), so that rewriting it changes
/// only the lines that hold new content and the diff in their repository stays readable.
/// </summary>
public sealed record JsonLayout(bool Indented, char IndentCharacter, int IndentSize, bool FinalNewline)
{
    public static JsonLayout Of(string text)
    {
        var finalNewline = text.EndsWith('\n');
        var firstIndented = text.Split('\n').Skip(1).FirstOrDefault(line => line.Length > 0 && line[0] is ' ' or '\t');
        if (firstIndented is null) return new JsonLayout(text.TrimEnd().Contains('\n'), ' ', 2, finalNewline);
        var character = firstIndented[0];
        var width = firstIndented.TakeWhile(c => c == character).Count();
        return new JsonLayout(true, character, Math.Clamp(width, 1, 127), finalNewline);
    }

    public string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = Indented,
            IndentCharacter = IndentCharacter,
            IndentSize = IndentSize,
            // A file people read and AltStore parses, not HTML: keep "é", "—" and "&" as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            node.WriteTo(writer);
        }
        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return FinalNewline ? text + "\n" : text;
    }
}
