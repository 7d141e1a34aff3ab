namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>
/// The processed ADP as the source will point at it: its manifest's facts and size, the URL of its
/// <c>manifest.json</c> (null while it is only on AltStore's link) and, when its files sit in a flat folder such as a
/// GitHub release, the <c>assetURLs</c> entry of every file.
/// </summary>
public sealed record HostedAdp(AdpManifest Manifest, long VariantSize, Uri? ManifestUrl, IReadOnlyList<KeyValuePair<string, string>> AssetUrls);
