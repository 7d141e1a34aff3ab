namespace CiPublisher.Core.Artifacts;

/// <summary>
/// One file to publish, with what its inspection found. Values read from the package
/// (bundle id, version, ...) are null for formats that carry none (DMG, EXE, ...).
/// </summary>
public sealed record ArtifactInfo
{
    public required string Path { get; init; }
    public required string FileName { get; init; }

    /// <summary>Lowercase extension as Fenfa matches it, including multi-part ones: ".ipa", ".tar.gz".</summary>
    public required string Extension { get; init; }

    public required ArtifactPlatform Platform { get; init; }
    public required long SizeBytes { get; init; }

    /// <summary>Bundle id (iOS) or package name (Android).</summary>
    public string? Identifier { get; init; }

    public string? DisplayName { get; init; }
    public string? Version { get; init; }
    public string? Build { get; init; }

    /// <summary>Minimum OS as the package states it: "15.0" for iOS, the SDK level "24" for Android.</summary>
    public string? MinimumOsVersion { get; init; }

    /// <summary>
    /// The CPU architecture of a build made for one (an ABI-split APK's ABI, a desktop installer's from its file
    /// name: <c>arm64</c>, <c>x64</c>, ...); null for a universal build or one that does not say.
    /// </summary>
    public string? Architecture { get; init; }

    public int? MinSdk { get; init; }
    public int? TargetSdk { get; init; }

    /// <summary>Lowercase hex SHA-256; null until the file has been read once (by an upload or by inspect).</summary>
    public string? Sha256 { get; init; }
}
