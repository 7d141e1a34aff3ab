using System.Globalization;

namespace CiPublisher.Core.Artifacts;

/// <summary>Reads an Android package's compiled <c>AndroidManifest.xml</c>.</summary>
public static class ApkInspector
{
    /// <summary>
    /// Fills the Android fields of <paramref name="artifact"/>. The display name stays null: the
    /// label is a resource reference that only <c>resources.arsc</c> resolves.
    /// </summary>
    public static ArtifactInfo Inspect(ArtifactInfo artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var (entryName, data, entryNames) = ZipEntryReader.ReadWithEntryNames(artifact.Path, artifact.FileName,
            name => name == "AndroidManifest.xml",
            "no AndroidManifest.xml at the archive root; not an Android package.");

        var manifest = AndroidManifestReader.Read(data, $"{artifact.FileName}: {entryName}");

        return artifact with
        {
            Platform = ArtifactPlatform.Android,
            Identifier = manifest.Package,
            Version = manifest.VersionName,
            Build = manifest.VersionCode?.ToString(CultureInfo.InvariantCulture),
            MinimumOsVersion = manifest.MinSdkVersion,
            MinSdk = ParseLevel(manifest.MinSdkVersion),
            TargetSdk = ParseLevel(manifest.TargetSdkVersion),
            Architecture = ArtifactArchitecture.OfApk(entryNames),
        };
    }

    /// <summary>An API level, or null for a preview codename such as "VanillaIceCream".</summary>
    private static int? ParseLevel(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
}
