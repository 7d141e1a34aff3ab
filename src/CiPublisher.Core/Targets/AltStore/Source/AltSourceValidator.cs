using System.Globalization;
using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// The checks AltStore PAL makes when it decodes a source (AltStore `marketplace` branch: FetchSourceOperation,
/// StoreApp, AppVersion, NewsItem). Any one of them failing makes AltStore reject the whole source, so a file
/// that fails here must never replace the user's.
/// </summary>
public static class AltSourceValidator
{
    private static readonly string[] RequiredAppKeys = ["name", "bundleIdentifier", "developerName", "localizedDescription", "iconURL"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd"];

    /// <summary>
    /// Each problem as "path: what is wrong"; empty when AltStore would accept the source. The kind is the file's own
    /// (<see cref="SourceKinds.Of"/>) unless given: PAL requires <c>marketplaceID</c> and <c>buildVersion</c>, Classic neither.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonNode? source, SourceKind? kind = null)
    {
        var problems = new List<string>();
        if (source is not JsonObject root)
        {
            problems.Add("$: the source must be a JSON object");
            return problems;
        }
        RequireText(root, "name", "$", problems);
        CheckTint(root, "$", problems);

        var pal = (kind ?? SourceKinds.Of(root)) == SourceKind.Pal;
        if (root["apps"] is { } appsNode)
        {
            if (appsNode is not JsonArray apps) problems.Add("$.apps: must be a list");
            else CheckApps(apps, pal, problems);
        }
        if (root["news"] is { } newsNode)
        {
            if (newsNode is not JsonArray news) problems.Add("$.news: must be a list");
            else CheckNews(news, problems);
        }
        return problems;
    }

    private static void CheckApps(JsonArray apps, bool pal, List<string> problems)
    {
        var bundleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            var path = $"$.apps[{i}]";
            if (apps[i] is not JsonObject app)
            {
                problems.Add($"{path}: must be an object");
                continue;
            }
            foreach (var key in RequiredAppKeys) RequireText(app, key, path, problems);
            if (Text(app["bundleIdentifier"]) is { } bundleId && !bundleIds.Add(bundleId))
                problems.Add($"{path}.bundleIdentifier: '{bundleId}' appears twice in the source");
            if (pal && !SourceKinds.HasMarketplaceId(app)) problems.Add($"{path}.marketplaceID: AltStore PAL requires it for every app");
            CheckTint(app, path, problems);
            CheckPrivacy(app, path, problems);
            CheckIpadScreenshots(app, path, problems);
            if (app["versions"] is { } versionsNode)
            {
                if (versionsNode is not JsonArray versions) problems.Add($"{path}.versions: must be a list");
                else CheckVersions(versions, path, pal, problems);
            }
        }
    }

    private static void CheckVersions(JsonArray versions, string appPath, bool pal, List<string> problems)
    {
        var pairs = new HashSet<(string?, string?)>();
        for (var i = 0; i < versions.Count; i++)
        {
            var path = $"{appPath}.versions[{i}]";
            if (versions[i] is not JsonObject version)
            {
                problems.Add($"{path}: must be an object");
                continue;
            }
            RequireText(version, "version", path, problems);
            if (pal) RequireText(version, "buildVersion", path, problems, "notarized (PAL) apps must give a build version");
            RequireDate(version, "date", path, problems);
            if (!Uri.TryCreate(Text(version["downloadURL"]), UriKind.Absolute, out _))
                problems.Add($"{path}.downloadURL: must be an absolute URL");
            if (version["size"] is not JsonValue size || !size.TryGetValue<long>(out _))
                problems.Add($"{path}.size: must be a whole number of bytes");
            if (!pairs.Add((Text(version["version"]), Text(version["buildVersion"]))))
                problems.Add($"{path}: version '{Text(version["version"])}' build '{Text(version["buildVersion"])}' appears twice");
        }
    }

    private static void CheckNews(JsonArray news, List<string> problems)
    {
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < news.Count; i++)
        {
            var path = $"$.news[{i}]";
            if (news[i] is not JsonObject item)
            {
                problems.Add($"{path}: must be an object");
                continue;
            }
            RequireText(item, "identifier", path, problems);
            RequireText(item, "title", path, problems);
            RequireText(item, "caption", path, problems);
            RequireDate(item, "date", path, problems);
            if (Text(item["identifier"]) is { } id && !identifiers.Add(id))
                problems.Add($"{path}.identifier: '{id}' appears twice");
        }
    }

    private static void CheckPrivacy(JsonObject app, string path, List<string> problems)
    {
        if (app["appPermissions"] is not JsonObject permissions || permissions["privacy"] is not JsonObject privacy) return;
        foreach (var (key, value) in privacy)
        {
            if (string.IsNullOrWhiteSpace(Text(value)))
                problems.Add($"{path}.appPermissions.privacy.{key}: a privacy permission needs a usage description");
        }
    }

    private static void CheckIpadScreenshots(JsonObject app, string path, List<string> problems)
    {
        if (app["screenshots"] is not JsonObject screenshots || screenshots["ipad"] is not JsonArray ipad) return;
        for (var i = 0; i < ipad.Count; i++)
        {
            if (ipad[i] is not JsonObject shot || shot["width"] is not JsonValue || shot["height"] is not JsonValue)
                problems.Add($"{path}.screenshots.ipad[{i}]: iPad screenshots need an explicit width and height");
        }
    }

    private static void CheckTint(JsonObject owner, string path, List<string> problems)
    {
        if (owner["tintColor"] is null) return;
        var hex = Text(owner["tintColor"])?.TrimStart('#');
        if (hex is null || hex.Length is not (3 or 6 or 8) || !hex.All(char.IsAsciiHexDigit))
            problems.Add($"{path}.tintColor: must be a hex colour such as #3A7BD5");
    }

    private static void RequireText(JsonObject owner, string key, string path, List<string> problems, string? why = null)
    {
        if (string.IsNullOrEmpty(Text(owner[key]))) problems.Add($"{path}.{key}: required text is missing{(why is null ? "" : $" ({why})")}");
    }

    private static void RequireDate(JsonObject owner, string key, string path, List<string> problems)
    {
        if (!DateTimeOffset.TryParseExact(Text(owner[key]), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            problems.Add($"{path}.{key}: must be an ISO 8601 date with a time zone (2026-05-02T09:12:44Z) or a date (2026-05-02)");
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
