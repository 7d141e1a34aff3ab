namespace CiPublisher.Emulators.AppStoreConnect;

// The emulator's state, one record per App Store Connect resource it serves.

public sealed record AscDevice(string Id, string Name, string Platform, string Udid, string Status, DateTimeOffset AddedDate,
    string DeviceClass);

public sealed record AscBundleId(string Id, string Identifier, string Platform, string Name);

public sealed record AscCertificate(string Id, string Name, string CertificateType, DateTimeOffset ExpirationDate, bool Activated);

public sealed record AscProfile(string Id, string Name, string ProfileType, string BundleIdId,
    IReadOnlyList<string> CertificateIds, IReadOnlyList<string> DeviceIds, string Uuid, DateTimeOffset CreatedDate)
{
    public string State { get; init; } = "ACTIVE";
    public DateTimeOffset ExpirationDate { get; init; } = CreatedDate.AddYears(1);
}
