namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Reads a property list, XML or binary (chosen by the <c>bplist00</c> signature).
/// Any malformed input throws <see cref="ArtifactFormatException"/> and nothing else.
/// </summary>
public static class PlistReader
{
    /// <summary>Deepest container nesting accepted. Real Info.plists stay under ten.</summary>
    public const int MaxDepth = 64;

    /// <param name="data">The whole property list.</param>
    /// <param name="source">What to call the input in error messages, e.g. "Lumen.ipa: Payload/Lumen.app/Info.plist".</param>
    public static PlistValue Read(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new ArtifactFormatException($"{source}: the property list is empty.");
        }

        return BinaryPlistReader.HasSignature(data)
            ? BinaryPlistReader.Read(data, source)
            : XmlPlistReader.Read(data, source);
    }
}
