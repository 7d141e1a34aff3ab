namespace CiPublisher.Core.Artifacts;

/// <summary>
/// The one entry point for inspecting an artifact: its extension decides the platform, IPAs and
/// APKs are opened for their metadata (zip central directory plus one entry, never the whole file).
/// No hash is computed here; see <see cref="ArtifactHasher"/>.
/// </summary>
public static class ArtifactInspector
{
    /// <summary>
    /// Known extensions, multi-part ones first so ".tar.gz" wins over ".gz", with the platform each
    /// implies (Fenfa's table, contracts/fenfa.md 2.1, plus ".aab").
    /// </summary>
    private static readonly (string Extension, ArtifactPlatform Platform)[] Known =
    [
        (".tar.gz", ArtifactPlatform.Linux),
        (".ipa", ArtifactPlatform.Ios),
        (".apk", ArtifactPlatform.Android),

        // An App Bundle's manifest is protobuf, not binary XML: recognized by extension only.
        (".aab", ArtifactPlatform.Android),
        (".dmg", ArtifactPlatform.MacOs),
        (".pkg", ArtifactPlatform.MacOs),
        (".exe", ArtifactPlatform.Windows),
        (".msi", ArtifactPlatform.Windows),
        (".appimage", ArtifactPlatform.Linux),
        (".deb", ArtifactPlatform.Linux),
        (".rpm", ArtifactPlatform.Linux),

        // A zip is accepted by Fenfa for macOS, Windows and Linux alike. macOS is the default because
        // a zipped .app is the usual way to ship a notarized Mac app outside a DMG, while Windows and
        // Linux builds normally come as installers/packages. Callers that know better override it
        // (`info with { Platform = ... }`) from the user's platform input.
        (".zip", ArtifactPlatform.MacOs),
    ];

    /// <summary>The supported extensions, lowercase with their dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = Known.Select(k => k.Extension).ToArray();

    /// <summary>The supported extension <paramref name="fileName"/> ends with (lowercase), or null.</summary>
    public static string? GetExtension(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        foreach (var (extension, _) in Known)
        {
            if (fileName.Length > extension.Length && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>The platform a supported extension implies.</summary>
    public static ArtifactPlatform GetPlatform(string extension) =>
        Known.FirstOrDefault(k => k.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase)) is { Extension: not null } match
            ? match.Platform
            : throw new ArgumentException($"'{extension}' is not a supported artifact extension.", nameof(extension));

    /// <summary>Inspects one file.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="ArtifactFormatException">
    /// A directory, an empty file, an unsupported extension, or a package whose content is not what its
    /// extension claims. The message names the file.
    /// </exception>
    public static ArtifactInfo Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var fileName = Path.GetFileName(Path.TrimEndingDirectorySeparator(fullPath));

        if (Directory.Exists(fullPath))
        {
            throw new ArtifactFormatException($"{fileName} is a directory, not an artifact file.");
        }

        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Artifact {fileName} does not exist.", fullPath);
        }

        var extension = GetExtension(fileName)
            ?? throw new ArtifactFormatException(
                $"{fileName} has an unsupported extension; expected one of {string.Join(", ", SupportedExtensions)}.");

        if (file.Length == 0)
        {
            throw new ArtifactFormatException($"{fileName} is empty (0 bytes).");
        }

        var info = new ArtifactInfo
        {
            Path = fullPath,
            FileName = fileName,
            Extension = extension,
            Platform = GetPlatform(extension),
            SizeBytes = file.Length,
        };

        return extension switch
        {
            ".ipa" => IpaInspector.Inspect(info),
            ".apk" => ApkInspector.Inspect(info),
            ".aab" => info,
            _ => info with { Architecture = ArtifactArchitecture.OfFileName(fileName, extension) },
        };
    }
}
