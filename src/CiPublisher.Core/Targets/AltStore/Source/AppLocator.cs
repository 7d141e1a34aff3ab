using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>How the app is found in the source: by bundle identifier (from the iOS artifact), else by marketplace ID.</summary>
public sealed record AppLocator(string? BundleIdentifier, string? MarketplaceId)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(BundleIdentifier) && string.IsNullOrWhiteSpace(MarketplaceId);

    public override string ToString() => !string.IsNullOrWhiteSpace(BundleIdentifier)
        ? $"bundleIdentifier '{BundleIdentifier}'"
        : $"marketplaceID '{MarketplaceId}'";

    public bool Matches(JsonObject app) => !string.IsNullOrWhiteSpace(BundleIdentifier)
        ? TextOf(app["bundleIdentifier"]) == BundleIdentifier
        : TextOf(app["marketplaceID"]) == MarketplaceId;

    // A marketplace ID is numeric; a hand-written source may hold it as a number rather than a string.
    private static string? TextOf(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;
}
