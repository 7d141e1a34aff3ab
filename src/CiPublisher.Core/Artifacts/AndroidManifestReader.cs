using System.Globalization;

namespace CiPublisher.Core.Artifacts;

/// <summary>Extracts package, versions and SDK levels from a compiled AndroidManifest.xml.</summary>
public static class AndroidManifestReader
{
    private const string AndroidNamespace = "http://schemas.android.com/apk/res/android";

    // Attribute resource ids (android.R.attr): they identify attributes even when a shrinker
    // stripped the names from the string pool.
    internal const uint VersionCodeId = 0x0101021b;
    internal const uint VersionNameId = 0x0101021c;
    internal const uint MinSdkVersionId = 0x0101020c;
    internal const uint TargetSdkVersionId = 0x01010270;

    /// <param name="data">The compiled manifest.</param>
    /// <param name="source">What to call the input in error messages.</param>
    public static AndroidManifestInfo Read(byte[] data, string source)
    {
        var elements = AndroidBinaryXml.ReadElements(data, source);
        var manifest = elements.Count > 0 && elements[0].Name == "manifest" && elements[0].Depth == 0
            ? elements[0]
            : throw AndroidBinaryXml.Bad(source, "the root element is not <manifest>");

        var usesSdk = elements.FirstOrDefault(e => e.Depth == 1 && e.Name == "uses-sdk");

        var package = manifest.Attributes.FirstOrDefault(a => a.Name == "package" && string.IsNullOrEmpty(a.Namespace));
        var versionCode = Find(manifest, "versionCode", VersionCodeId);
        var versionName = Find(manifest, "versionName", VersionNameId);

        return new AndroidManifestInfo(
            Package: package?.StringValue ?? package?.Text,
            VersionCode: ToInteger(versionCode),
            VersionName: Plain(versionName),
            MinSdkVersion: Plain(usesSdk is null ? null : Find(usesSdk, "minSdkVersion", MinSdkVersionId)),
            TargetSdkVersion: Plain(usesSdk is null ? null : Find(usesSdk, "targetSdkVersion", TargetSdkVersionId)));
    }

    private static AndroidXmlAttr? Find(AndroidXmlElement element, string name, uint resourceId) =>
        element.Attributes.FirstOrDefault(a => a.Namespace == AndroidNamespace && a.Name == name)
        ?? element.Attributes.FirstOrDefault(a => a.ResourceId == resourceId);

    /// <summary>The value as text, but null for references: their value lives in resources.arsc.</summary>
    private static string? Plain(AndroidXmlAttr? attribute) =>
        attribute is null || attribute.ValueType == AndroidXmlAttr.TypeReference ? null : attribute.Text;

    private static long? ToInteger(AndroidXmlAttr? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        if (attribute.IsInteger)
        {
            // A 32-bit int on the wire; read unsigned so a corrupt file cannot yield a negative code.
            return attribute.Data;
        }

        return long.TryParse(Plain(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
