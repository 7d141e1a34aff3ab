using System.Globalization;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// Writes a version into the source's text in place: the new entry (or the replaced one) in the author's own style,
/// and every other character of the file exactly as it was, so the commit of a release shows that entry and nothing
/// else. Unknown keys of a replaced entry keep their text byte for byte.
/// </summary>
public static class SourceSplice
{
    private const string AssetUrlsKey = "assetURLs";

    public static string Apply(string text, SourceEditPlan plan, AltSourceVersion version)
    {
        var spans = SourceSpans.Find(text, plan.AppIndex);
        if (plan.EntryIndex is { } index) return Replace(text, spans.Entries[index], version);
        if (spans.Versions is { } versions && spans.Entries.Count > 0)
        {
            var first = spans.Entries[0];
            var style = JsonTextStyle.Of(text, first.Span.Start, first.Span.End);
            var order = first.Properties.Select(p => p.Key).ToList();
            var entry = Render(style, Ordered(Owned(style, version), order));
            var gap = text[(versions.Start + 1)..first.Span.Start];
            return text[..(versions.Start + 1)] + gap + entry + "," + text[(versions.Start + 1)..];
        }
        return spans.Versions is { } empty ? IntoEmpty(text, spans.App, empty, version) : WithVersions(text, spans.App, version);
    }

    private static string Replace(string text, EntrySpan existing, AltSourceVersion version)
    {
        var style = JsonTextStyle.Of(text, existing.Span.Start, existing.Span.End);
        var owned = Owned(style, version).ToDictionary(p => p.Key, p => p.Value);
        var properties = existing.Properties
            .Where(p => p.Key != AssetUrlsKey || owned.ContainsKey(AssetUrlsKey) || !MovesAway(text, existing, version))
            .Select(p => (p.Key, owned.Remove(p.Key, out var ours) ? ours : text[p.Value.Start..p.Value.End]))
            .Concat(owned.Select(p => (p.Key, p.Value)))
            .ToList();
        return text[..existing.Span.Start] + Render(style, properties) + text[existing.Span.End..];
    }

    /// <summary>
    /// Whether the entry's <c>downloadURL</c> changes: then its <c>assetURLs</c> describe files of another place and would
    /// override the new link, so they go; with the same link they are the author's and stay.
    /// </summary>
    private static bool MovesAway(string text, EntrySpan existing, AltSourceVersion version) =>
        existing.Properties.FirstOrDefault(p => p.Key == "downloadURL") is { Key: not null } link
        && System.Text.Json.Nodes.JsonNode.Parse(text[link.Value.Start..link.Value.End]) is System.Text.Json.Nodes.JsonValue value
        && value.TryGetValue<string>(out var url)
            ? url != version.DownloadUrl.AbsoluteUri
            : true;

    /// <summary><c>"versions": []</c>: the entry goes inside, one level deeper than the key.</summary>
    private static string IntoEmpty(string text, TextSpan app, TextSpan versions, AltSourceVersion version)
    {
        var (keyIndent, unit, multiLine) = AppLayout(text, app, versions.Start);
        var style = JsonTextStyle.Default(text, keyIndent + unit, unit, multiLine);
        var entry = Render(style, Owned(style, version));
        var inner = multiLine ? $"{style.Newline}{keyIndent}{unit}{entry}{style.Newline}{keyIndent}" : entry;
        return text[..versions.Start] + "[" + inner + "]" + text[versions.End..];
    }

    /// <summary>An app without <c>versions</c> (the legacy single-version form): the list is added as its last key.</summary>
    private static string WithVersions(string text, TextSpan app, AltSourceVersion version)
    {
        var close = app.End - 1;
        var last = close - 1;
        while (last > app.Start && char.IsWhiteSpace(text[last])) last--;
        var (keyIndent, unit, multiLine) = AppLayout(text, app, last);
        var style = JsonTextStyle.Default(text, keyIndent + unit, unit, multiLine);
        var entry = Render(style, Owned(style, version));
        var list = multiLine
            ? $"[{style.Newline}{keyIndent}{unit}{entry}{style.Newline}{keyIndent}]"
            : $"[{entry}]";
        var property = multiLine ? $",{style.Newline}{keyIndent}\"versions\"{style.Colon}{list}" : $",\"versions\"{style.Colon}{list}";
        return text[..(last + 1)] + property + text[(last + 1)..];
    }

    /// <summary>The indentation of the app's keys (taken from the line at <paramref name="near"/>) and one level of it.</summary>
    private static (string KeyIndent, string Unit, bool MultiLine) AppLayout(string text, TextSpan app, int near)
    {
        var appText = text[app.Start..app.End];
        if (!appText.Contains('\n', StringComparison.Ordinal)) return ("", "", false);
        var lineStart = text.LastIndexOf('\n', near) + 1;
        var keyIndent = text[lineStart..near][..(text[lineStart..near].Length - text[lineStart..near].TrimStart(' ', '\t').Length)];
        var appLineStart = text.LastIndexOf('\n', Math.Max(0, app.Start - 1)) + 1;
        var appIndent = text[appLineStart..app.Start];
        appIndent = appIndent[..(appIndent.Length - appIndent.TrimStart(' ', '\t').Length)];
        var unit = keyIndent.Length > appIndent.Length ? keyIndent[appIndent.Length..] : "  ";
        return (keyIndent, unit, true);
    }

    private static IEnumerable<(string Key, string Value)> Owned(JsonTextStyle style, AltSourceVersion version)
    {
        yield return ("version", style.Quote(version.Version));
        yield return ("buildVersion", style.Quote(version.BuildVersion));
        yield return ("date", style.Quote(version.DateText));
        if (version.Description is not null) yield return ("localizedDescription", style.Quote(version.Description));
        yield return ("downloadURL", style.Quote(version.DownloadUrl.AbsoluteUri));
        yield return ("size", version.Size.ToString(CultureInfo.InvariantCulture));
        if (version.MinOsVersion is not null) yield return ("minOSVersion", style.Quote(version.MinOsVersion));
        if (version.AssetUrls.Count > 0) yield return (AssetUrlsKey, Nested(style, version.AssetUrls));
    }

    /// <summary>An object value one level deeper than the entry's keys, in the same style.</summary>
    private static string Nested(JsonTextStyle style, IEnumerable<KeyValuePair<string, string>> properties)
    {
        var parts = properties.Select(p => style.Quote(p.Key) + style.Colon + style.Quote(p.Value)).ToList();
        if (!style.MultiLine) return "{" + string.Join(style.Comma, parts) + "}";
        var unit = style.KeyIndent.Length > style.EntryIndent.Length ? style.KeyIndent[style.EntryIndent.Length..] : "  ";
        return "{" + style.Newline + string.Join("," + style.Newline, parts.Select(p => style.KeyIndent + unit + p)) + style.Newline + style.KeyIndent + "}";
    }

    /// <summary>The neighbour's key order for the keys it has, then the rest in this tool's order.</summary>
    private static List<(string Key, string Value)> Ordered(IEnumerable<(string Key, string Value)> properties, List<string> order)
    {
        var list = properties.ToList();
        return [.. list.OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : order.Count + list.IndexOf(p))];
    }

    private static string Render(JsonTextStyle style, IEnumerable<(string Key, string Value)> properties)
    {
        var parts = properties.Select(p => style.Quote(p.Key) + style.Colon + p.Value).ToList();
        if (!style.MultiLine) return "{" + string.Join(style.Comma, parts) + "}";
        return "{" + style.Newline + string.Join("," + style.Newline, parts.Select(p => style.KeyIndent + p)) + style.Newline + style.EntryIndent + "}";
    }
}
