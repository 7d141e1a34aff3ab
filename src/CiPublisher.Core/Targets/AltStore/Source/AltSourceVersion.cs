using System.Globalization;
using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>One entry of an app's <c>versions</c>, as this tool writes it (PAL: <c>buildVersion</c> is required).</summary>
public sealed record AltSourceVersion
{
    public required string Version { get; init; }
    public required string BuildVersion { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required Uri DownloadUrl { get; init; }
    public required long Size { get; init; }
    public string? Description { get; init; }
    public string? MinOsVersion { get; init; }

    /// <summary>PAL 2.2+: where each file of the ADP is, keyed by its name without extension; empty leaves the key out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AssetUrls { get; init; } = [];

    /// <summary>Full ISO 8601 with a zone: one of the two date forms AltStore decodes.</summary>
    public string DateText => Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The keys this tool owns, in the order the AltStore docs show them; <c>date</c> is left out on purpose.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> ContentFields()
    {
        yield return new("version", Version);
        yield return new("buildVersion", BuildVersion);
        if (Description is not null) yield return new("localizedDescription", Description);
        yield return new("downloadURL", DownloadUrl.AbsoluteUri);
        yield return new("size", Size);
        if (MinOsVersion is not null) yield return new("minOSVersion", MinOsVersion);
        if (AssetUrls.Count > 0) yield return new("assetURLs", new JsonObject(AssetUrls.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))));
    }

    public JsonObject ToJson()
    {
        var entry = new JsonObject
        {
            ["version"] = Version,
            ["buildVersion"] = BuildVersion,
            ["date"] = DateText,
        };
        foreach (var (key, value) in ContentFields().Skip(2)) entry[key] = value;
        return entry;
    }
}
