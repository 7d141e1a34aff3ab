using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// Updates the user's source file with one version: read, edit the JSON tree (property order and unknown keys
/// kept), write in the file's own layout, validate what would be written, and only then replace the file atomically.
/// </summary>
public static class AltSourceFile
{
    public static async Task<SourceUpdate> AddVersionAsync(string path, AppLocator locator, AltSourceVersion version,
        bool write, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new AltSourceException($"source file {path} does not exist");
        var original = await File.ReadAllTextAsync(path, cancellationToken);

        JsonNode? source;
        try
        {
            source = JsonNode.Parse(original);
        }
        catch (JsonException invalid)
        {
            throw new AltSourceException($"source file {path} is not valid JSON: {invalid.Message}");
        }

        var (edit, appName) = AltSourceEditor.AddVersion(source, locator, version);
        if (edit == SourceEdit.Unchanged) return new SourceUpdate(edit, appName, Written: false);

        // Validate the very text that would be written, not the tree it came from.
        var updated = JsonLayout.Of(original).Write(source!);
        var problems = AltSourceValidator.Validate(JsonNode.Parse(updated));
        if (problems.Count > 0)
            throw new AltSourceException(
                $"the updated source would be rejected by AltStore, so {path} was left unchanged: {string.Join("; ", problems)}");

        if (write) await AtomicFile.WriteAllTextAsync(path, updated, cancellationToken);
        return new SourceUpdate(edit, appName, write);
    }
}
