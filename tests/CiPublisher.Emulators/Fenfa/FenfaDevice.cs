namespace CiPublisher.Emulators.Fenfa;

/// <summary>An iOS device that completed UDID binding (contract §6.1).</summary>
public sealed record FenfaDevice
{
    public required string Id { get; init; }
    public required string Udid { get; init; }
    public string DeviceName { get; init; } = "";
    public string Model { get; init; } = "";
    public string OsVersion { get; init; } = "";

    /// <summary>Variants the device was bound to through their UDID page.</summary>
    public IReadOnlyList<string> VariantIds { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public bool AppleRegistered { get; init; }
    public DateTimeOffset? AppleRegisteredAt { get; init; }
    public string AppleDeviceId { get; init; } = "";
    public long Sequence { get; init; }
}
