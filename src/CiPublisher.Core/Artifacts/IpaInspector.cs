namespace CiPublisher.Core.Artifacts;

/// <summary>Reads an iOS app archive's <c>Payload/&lt;Name&gt;.app/Info.plist</c> (XML or binary).</summary>
public static class IpaInspector
{
    /// <summary>Fills the iOS fields of <paramref name="artifact"/> from its Info.plist.</summary>
    public static ArtifactInfo Inspect(ArtifactInfo artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var (entryName, data) = ZipEntryReader.Read(artifact.Path, artifact.FileName, IsAppInfoPlist,
            "no Payload/<Name>.app/Info.plist inside; not an iOS app archive.");

        var plist = PlistReader.Read(data, $"{artifact.FileName}: {entryName}") as PlistDict
            ?? throw new ArtifactFormatException($"{artifact.FileName}: {entryName} is not a dictionary.");

        return artifact with
        {
            Platform = ArtifactPlatform.Ios,
            Identifier = plist.GetString("CFBundleIdentifier"),
            DisplayName = NonBlank(plist.GetString("CFBundleDisplayName")) ?? NonBlank(plist.GetString("CFBundleName")),
            Version = plist.GetString("CFBundleShortVersionString"),
            Build = plist.GetString("CFBundleVersion"),
            MinimumOsVersion = plist.GetString("MinimumOSVersion"),
        };
    }

    /// <summary>Exactly <c>Payload/X.app/Info.plist</c>: not a nested bundle's (extensions, watch apps).</summary>
    internal static bool IsAppInfoPlist(string entryName)
    {
        var parts = entryName.Split('/');
        return parts.Length == 3
            && parts[0].Equals("Payload", StringComparison.OrdinalIgnoreCase)
            && parts[1].Length > ".app".Length
            && parts[1].EndsWith(".app", StringComparison.OrdinalIgnoreCase)
            && parts[2].Equals("Info.plist", StringComparison.OrdinalIgnoreCase);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
