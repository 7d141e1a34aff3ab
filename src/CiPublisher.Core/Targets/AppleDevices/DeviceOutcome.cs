using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>What happened to one device; <see cref="ToItem"/> shows it without the full UDID (personal data).</summary>
public sealed record DeviceOutcome(DeviceCandidate Device, DeviceAction Action, string? Detail = null)
{
    public ItemResult ToItem() => new()
    {
        Name = Device.Name,
        Outcome = Action switch
        {
            DeviceAction.Registered or DeviceAction.Reenabled => Outcome.Succeeded,
            DeviceAction.Existing => Outcome.AlreadyDone,
            DeviceAction.Failed => Outcome.Failed,
            _ => Outcome.Skipped,
        },
        Reason = Detail ?? Action switch
        {
            DeviceAction.Registered => "registered",
            DeviceAction.Reenabled => "re-enabled",
            DeviceAction.Existing => "already registered",
            DeviceAction.WouldRegister => "would register",
            DeviceAction.WouldReenable => "would re-enable",
            _ => null,
        },
        Facts = new Dictionary<string, string> { ["udid"] = Udid.Shorten(Device.Udid), ["platform"] = Device.Platform.WireName() },
    };
}

public enum DeviceAction
{
    Registered,
    Reenabled,
    Existing,
    WouldRegister,
    WouldReenable,
    NotAttempted,
    Failed,
}
