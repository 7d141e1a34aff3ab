namespace CiPublisher.Emulators.Aptoide;

/// <summary>An APK the emulator accepted, with the form fields that came with it (the access token left out).</summary>
public sealed record UploadedApk(
    string Repo,
    string FileName,
    string? ContentType,
    string Md5,
    long SizeBytes,
    IReadOnlyDictionary<string, string> Fields,
    string StoredPath);
