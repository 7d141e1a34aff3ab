namespace CiPublisher.Emulators.AppStoreConnect;

// The emulator's state, one record per App Store Connect resource it serves.

public sealed record AscDevice(string Id, string Name, string Platform, string Udid, string Status, DateTimeOffset AddedDate,
    string DeviceClass);

/// <summary>An app; its ID is numeric, as Apple's are.</summary>
public sealed record AscApp(string Id, string BundleId, string Name);

/// <summary>An App Store version of an app; <c>State</c> is its <c>appVersionState</c>.</summary>
public sealed record AscAppStoreVersion(string Id, string AppId, string VersionString, string Platform, string State);

public sealed record AscBundleId(string Id, string Identifier, string Platform, string Name);

public sealed record AscCertificate(string Id, string Name, string CertificateType, DateTimeOffset ExpirationDate, bool Activated);

public sealed record AscProfile(string Id, string Name, string ProfileType, string BundleIdId,
    IReadOnlyList<string> CertificateIds, IReadOnlyList<string> DeviceIds, string Uuid, DateTimeOffset CreatedDate)
{
    public string State { get; init; } = "ACTIVE";
    public DateTimeOffset ExpirationDate { get; init; } = CreatedDate.AddYears(1);
}
