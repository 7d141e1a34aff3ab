using System.Text;
using System.Text.Json;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>Where a part of the source's text is: from its first character to just after its last.</summary>
public readonly record struct TextSpan(int Start, int End);

/// <summary>A version entry's place in the text, and each of its properties' values.</summary>
public sealed record EntrySpan(TextSpan Span, IReadOnlyList<(string Key, TextSpan Value)> Properties);

/// <summary>
/// Where one app and its <c>versions</c> are in the source's text, found by reading the tokens (so that the text is
/// edited in place and every other byte stays as the author wrote it).
/// </summary>
public sealed record SourceSpans(TextSpan App, TextSpan? Versions, IReadOnlyList<EntrySpan> Entries)
{
    public static SourceSpans Find(string text, int appIndex)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int Char(long byteOffset) => Encoding.UTF8.GetCharCount(bytes, 0, (int)byteOffset);

        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var isApps = reader.ValueTextEquals("apps");
            Next(ref reader);
            if (!isApps || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            for (var index = 0; Next(ref reader) != JsonTokenType.EndArray; index++)
            {
                if (index != appIndex)
                {
                    reader.Skip();
                    continue;
                }
                return InApp(ref reader, Char);
            }
        }
        throw new AltSourceException($"app {appIndex} is not in the source's text");
    }

    private static SourceSpans InApp(ref Utf8JsonReader reader, Func<long, int> at)
    {
        var appStart = at(reader.TokenStartIndex);
        TextSpan? versions = null;
        var entries = new List<EntrySpan>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var isVersions = reader.ValueTextEquals("versions");
            Next(ref reader);
            if (!isVersions || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            var arrayStart = at(reader.TokenStartIndex);
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                var entryStart = at(reader.TokenStartIndex);
                var properties = new List<(string, TextSpan)>();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (Next(ref reader) == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        Next(ref reader);
                        var valueStart = at(reader.TokenStartIndex);
                        reader.Skip();
                        properties.Add((key, new TextSpan(valueStart, at(reader.BytesConsumed))));
                    }
                }
                else
                {
                    reader.Skip();
                }
                entries.Add(new EntrySpan(new TextSpan(entryStart, at(reader.BytesConsumed)), properties));
            }
            versions = new TextSpan(arrayStart, at(reader.BytesConsumed));
        }
        return new SourceSpans(new TextSpan(appStart, at(reader.BytesConsumed)), versions, entries);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new AltSourceException("the source ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new AltSourceException("the source is not a JSON object");
    }
}
