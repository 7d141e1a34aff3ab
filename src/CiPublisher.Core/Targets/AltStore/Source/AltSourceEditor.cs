using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// Puts one version into one app of a parsed source, touching nothing else. Two entries with the same
/// version and build break the whole source for every user, so an existing one is updated, never duplicated;
/// keys this tool does not write (<c>assetURLs</c>, <c>maxOSVersion</c>, ...) stay as they were.
/// </summary>
public static class AltSourceEditor
{
    public static (SourceEdit Edit, string AppName) AddVersion(JsonNode? source, AppLocator locator, AltSourceVersion version)
    {
        if (source is not JsonObject root) throw new AltSourceException("the source is not a JSON object");
        if (root["apps"] is not JsonArray apps) throw new AltSourceException("the source has no 'apps' list");

        var matches = apps.OfType<JsonObject>().Where(locator.Matches).ToList();
        var app = matches.Count switch
        {
            1 => matches[0],
            0 => throw new AltSourceException($"no app with {locator} in the source; add the app to it first"),
            _ => throw new AltSourceException($"{matches.Count} apps with {locator} in the source"),
        };
        var appName = app["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : locator.ToString();

        if (app["versions"] is null) app["versions"] = new JsonArray();
        if (app["versions"] is not JsonArray versions) throw new AltSourceException($"'versions' of {appName} is not a list");

        var existing = versions.OfType<JsonObject>().FirstOrDefault(v =>
            Text(v["version"]) == version.Version && Text(v["buildVersion"]) == version.BuildVersion);
        if (existing is null)
        {
            versions.Insert(0, version.ToJson());
            return (SourceEdit.Added, appName);
        }

        var content = version.ContentFields().ToList();
        if (content.All(field => JsonNode.DeepEquals(existing[field.Key], field.Value))) return (SourceEdit.Unchanged, appName);
        foreach (var (key, value) in content) existing[key] = value;
        existing["date"] = version.DateText;
        return (SourceEdit.Replaced, appName);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
