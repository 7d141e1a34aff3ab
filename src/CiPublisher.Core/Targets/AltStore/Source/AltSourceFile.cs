using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// Updates the user's source file with one version: the new entry is written into the text in place, in the author's
/// style, every other byte (BOM, line ends, escapes, spacing) kept. What would be written is validated first and
/// replaces the file atomically only when it adds no problem; problems the file already had are warnings.
/// </summary>
public static partial class AltSourceFile
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static async Task<SourceUpdate> AddVersionAsync(string path, AppLocator locator, AltSourceVersion version,
        bool write, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new AltSourceException($"source file {path} does not exist");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
        var original = Encoding.UTF8.GetString(bom ? bytes[3..] : bytes);

        JsonNode? source;
        try
        {
            source = JsonNode.Parse(original);
        }
        catch (JsonException invalid)
        {
            throw new AltSourceException($"source file {path} is not valid JSON: {invalid.Message}");
        }
        if (source is not JsonObject root) throw new AltSourceException($"source file {path} is not a JSON object");

        var kind = SourceKinds.Of(root);
        // assetURLs is PAL-only; a Classic source gets no such key.
        if (kind == SourceKind.Classic) version = version with { AssetUrls = [] };
        var plan = AltSourceEditor.Plan(source, locator, version);
        var before = AltSourceValidator.Validate(source, kind);
        if (plan.Edit == SourceEdit.Unchanged) return new SourceUpdate(plan.Edit, plan.AppName, Written: false, kind, before);

        // Validate the very text that would be written, not a tree it came from.
        var updated = SourceSplice.Apply(original, plan, version);
        var after = AltSourceValidator.Validate(JsonNode.Parse(updated), kind);
        var known = (plan.Edit == SourceEdit.Added ? before.Select(p => ShiftedVersions(p, plan.AppIndex)) : before).ToHashSet(StringComparer.Ordinal);
        var created = after.Where(p => !known.Contains(p)).ToList();
        if (created.Count > 0)
            throw new AltSourceException(
                $"the updated source would be rejected by AltStore, so {path} was left unchanged: {ProblemList.Brief(created)}", created);

        if (write) await AtomicFile.WriteAllBytesAsync(path, bom ? [.. ByteOrderMark, .. Encoding.UTF8.GetBytes(updated)] : Encoding.UTF8.GetBytes(updated),
            cancellationToken);
        return new SourceUpdate(plan.Edit, plan.AppName, write, kind, before);
    }

    /// <summary>Whether the file is a PAL or a Classic source; null when it cannot be read as one (the update says why).</summary>
    public static async Task<SourceKind?> KindOfAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonNode.ParseAsync(file, cancellationToken: cancellationToken) is JsonObject root ? SourceKinds.Of(root) : null;
        }
        catch (Exception unreadable) when (unreadable is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A problem of the app's n-th version is the (n+1)-th's once a new entry went to the top.</summary>
    private static string ShiftedVersions(string problem, int appIndex) =>
        VersionPath().Replace(problem, match => match.Groups["app"].Value == appIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? $"$.apps[{match.Groups["app"].Value}].versions[{int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}]"
            : match.Value);

    [GeneratedRegex(@"^\$\.apps\[(?<app>\d+)\]\.versions\[(?<version>\d+)\]")]
    private static partial Regex VersionPath();
}
