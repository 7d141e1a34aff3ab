namespace CiPublisher.Core.Artifacts;

/// <summary>
/// What an APK's compiled AndroidManifest.xml says about the app. Values are null when absent or
/// when they are resource references only <c>resources.arsc</c> could resolve.
/// </summary>
/// <param name="MinSdkVersion">As written: usually a level ("24"), a codename ("Tiramisu") for previews.</param>
public sealed record AndroidManifestInfo(
    string? Package,
    long? VersionCode,
    string? VersionName,
    string? MinSdkVersion,
    string? TargetSdkVersion);
