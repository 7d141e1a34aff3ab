using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// What makes two files the same kind of file on a Fenfa server, and so releases of one variant: platform, bundle ID
/// or package name, CPU architecture (empty for universal builds) and installer type (the extension).
/// </summary>
public sealed record FenfaVariantKey(string Platform, string Identifier, string Arch, string InstallerType)
{
    public static FenfaVariantKey Of(ArtifactInfo artifact) =>
        new(FenfaPlatform.Of(artifact.Platform), artifact.Identifier ?? "", artifact.Architecture ?? "", FenfaPlatform.InstallerType(artifact));

    /// <summary>
    /// Platform and installer type compare as Fenfa does (case-insensitively); identifier and architecture exactly.
    /// A variant made by hand without an installer type still matches, as the only one a user could have meant.
    /// </summary>
    public bool Matches(FenfaVariant variant) =>
        string.Equals(variant.Platform, Platform, StringComparison.OrdinalIgnoreCase)
        && string.Equals(variant.Identifier ?? "", Identifier, StringComparison.Ordinal)
        && string.Equals(variant.Arch ?? "", Arch, StringComparison.Ordinal)
        && (string.IsNullOrEmpty(variant.InstallerType) || string.Equals(variant.InstallerType, InstallerType, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        string.Join('/', new[] { Platform, Identifier, Arch, InstallerType }.Where(part => part.Length > 0));
}
