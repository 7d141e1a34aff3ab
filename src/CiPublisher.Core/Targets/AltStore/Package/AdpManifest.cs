using System.Globalization;
using System.Text.Json;

namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>
/// What a release needs from an ADP's <c>manifest.json</c>: the app and version it is for, the lowest iOS, and the files
/// it names (variants, deltas). Read only: the manifest's bytes are hosted as they came, never rewritten.
/// </summary>
public sealed record AdpManifest
{
    public string? AppleItemId { get; init; }
    public string? BundleId { get; init; }
    public string? ShortVersion { get; init; }
    public string? BundleVersion { get; init; }
    public string? MinimumIosVersion { get; init; }

    /// <summary>The <c>assetPath</c> of every variant, in the manifest's order.</summary>
    public IReadOnlyList<string> VariantPaths { get; init; } = [];

    /// <summary>The <c>assetPath</c> of every delta, in the manifest's order.</summary>
    public IReadOnlyList<string> DeltaPaths { get; init; } = [];

    /// <exception cref="AdpPackageException">The bytes are not a JSON object, or a file path in it is not a plain relative path.</exception>
    public static AdpManifest Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException invalid)
        {
            throw new AdpPackageException($"manifest.json is not valid JSON: {invalid.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new AdpPackageException("manifest.json is not a JSON object");
            return new AdpManifest
            {
                AppleItemId = Scalar(root, "appleItemId"),
                BundleId = Scalar(root, "bundleId"),
                ShortVersion = Scalar(root, "shortVersionString"),
                BundleVersion = Scalar(root, "bundleVersion"),
                MinimumIosVersion = root.TryGetProperty("minimumSystemVersions", out var minimum) && minimum.ValueKind == JsonValueKind.Object
                    ? Scalar(minimum, "ios") : null,
                VariantPaths = AssetPaths(root, "variants"),
                DeltaPaths = AssetPaths(root, "deltas"),
            };
        }
    }

    private static List<string> AssetPaths(JsonElement root, string list)
    {
        if (!root.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array) return [];
        var paths = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Scalar(item, "assetPath") is not { } path)
                throw new AdpPackageException($"an entry of '{list}' in manifest.json has no assetPath");
            if (!PackagePath.IsPlainRelative(path))
                throw new AdpPackageException($"manifest.json names '{path}' in '{list}', which is not a path inside the package");
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>A string, or a number as written (Apple IDs are numbers in some manifests and strings in others).</summary>
    private static string? Scalar(JsonElement parent, string key) =>
        parent.TryGetProperty(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>The version as AltStore compares it: <c>version</c> and <c>buildVersion</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{BundleId ?? "(no bundleId)"} {ShortVersion ?? "?"} ({BundleVersion ?? "?"})");
}
