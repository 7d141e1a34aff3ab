namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>What became of one APK: sent now (<paramref name="Uploaded"/>) or found already in the store.</summary>
internal sealed record ApkUpload(bool Uploaded, string Md5, string? StoreUrl, string? Sha256);
