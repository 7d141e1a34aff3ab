namespace CiPublisher.Emulators.Fenfa;

/// <summary>Which file extensions an upload may have for a variant's platform (contract §2.1).</summary>
internal static class FenfaPlatforms
{
    // Multi-part suffixes come first so "x.tar.gz" is ".tar.gz", not ".gz".
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["ios"] = [".ipa"],
        ["android"] = [".apk"],
        ["macos"] = [".dmg", ".pkg", ".zip"],
        ["windows"] = [".exe", ".msi", ".zip"],
        ["linux"] = [".tar.gz", ".appimage", ".deb", ".rpm", ".zip"],
    };

    private static readonly string[] Archives = [".ipa", ".apk", ".zip"];

    /// <summary>
    /// The matched extension (lowercase, with its dot) or null for a mismatch. The platform is lowercased
    /// first: a variant stored as <c>iOS</c> still accepts <c>.ipa</c>; an unknown platform accepts nothing.
    /// </summary>
    public static string? MatchExtension(string platform, string fileName)
    {
        if (!Allowed.TryGetValue(platform.ToLowerInvariant(), out var extensions)) return null;
        var name = fileName.ToLowerInvariant();
        return extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>Whether a file of this extension must start with the zip signature <c>PK</c>.</summary>
    public static bool IsArchive(string extension) => Archives.Contains(extension);

    /// <summary>The extension a seeded release gets when the test gives no file name.</summary>
    public static string DefaultExtension(string platform) =>
        Allowed.TryGetValue(platform.ToLowerInvariant(), out var extensions) ? extensions[0] : ".bin";
}
