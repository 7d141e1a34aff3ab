using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// AltStore PAL and AltStore Classic (and SideStore) read the same format but refuse each other's sources: an app
/// with a <c>marketplaceID</c> makes a PAL source, none makes a Classic one (contract "Classic sources").
/// </summary>
public enum SourceKind
{
    Classic,
    Pal,
}

public static class SourceKinds
{
    public static SourceKind Of(JsonObject root) =>
        root["apps"] is JsonArray apps && apps.OfType<JsonObject>().Any(app => HasMarketplaceId(app)) ? SourceKind.Pal : SourceKind.Classic;

    /// <summary>AltStore reads the ID as an unsigned number: an empty or non-numeric string counts as absent.</summary>
    public static bool HasMarketplaceId(JsonObject app) => app["marketplaceID"] is JsonValue value
        && (value.TryGetValue<string>(out var text) ? ulong.TryParse(text, out _) : value.TryGetValue<ulong>(out _));

    public static string Describe(this SourceKind kind) => kind == SourceKind.Pal ? "AltStore PAL source" : "Classic source (AltStore, SideStore)";
}
