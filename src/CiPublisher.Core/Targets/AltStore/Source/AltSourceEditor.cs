using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>What adding a version to a source means: which app, and whether its entry is new, replaced or already there.</summary>
public sealed record SourceEditPlan(SourceEdit Edit, string AppName, int AppIndex, int? EntryIndex);

/// <summary>
/// Decides how one version goes into one app of a parsed source. Two entries with the same version and build break
/// the whole source for every user, so an existing one is updated, never duplicated.
/// </summary>
public static class AltSourceEditor
{
    public static SourceEditPlan Plan(JsonNode? source, AppLocator locator, AltSourceVersion version)
    {
        if (source is not JsonObject root) throw new AltSourceException("the source is not a JSON object");
        if (root["apps"] is not JsonArray apps) throw new AltSourceException("the source has no 'apps' list");

        var matches = apps.Select((node, index) => (node, index)).Where(a => a.node is JsonObject app && locator.Matches(app)).ToList();
        var (appNode, appIndex) = matches.Count switch
        {
            1 => matches[0],
            0 => throw new AltSourceException($"no app with {locator} in the source; add the app to it first"),
            _ => throw new AltSourceException($"{matches.Count} apps with {locator} in the source"),
        };
        var app = (JsonObject)appNode!;
        var appName = app["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : locator.ToString();

        if (app["versions"] is null) return new SourceEditPlan(SourceEdit.Added, appName, appIndex, null);
        if (app["versions"] is not JsonArray versions) throw new AltSourceException($"'versions' of {appName} is not a list");

        var entryIndex = versions.Select((v, i) => (v, i)).FirstOrDefault(e => e.v is JsonObject entry
            && Text(entry["version"]) == version.Version && Text(entry["buildVersion"]) == version.BuildVersion, (null, -1)).i;
        if (entryIndex < 0) return new SourceEditPlan(SourceEdit.Added, appName, appIndex, null);

        var existing = (JsonObject)versions[entryIndex]!;
        var unchanged = version.ContentFields().All(field => JsonNode.DeepEquals(existing[field.Key], field.Value));
        return new SourceEditPlan(unchanged ? SourceEdit.Unchanged : SourceEdit.Replaced, appName, appIndex, entryIndex);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
