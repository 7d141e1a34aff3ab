namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>What registration must do, from one listing of the account: register, re-enable, or leave alone.</summary>
public sealed record DevicePlan(
    IReadOnlyList<DeviceCandidate> New,
    IReadOnlyList<(DeviceCandidate Wanted, AccountDevice Held)> Disabled,
    IReadOnlyList<(DeviceCandidate Wanted, AccountDevice Held)> Existing)
{
    public static DevicePlan Compare(IEnumerable<DeviceCandidate> wanted, IEnumerable<AccountDevice> account)
    {
        var held = new Dictionary<string, AccountDevice>(StringComparer.Ordinal);
        foreach (var device in account) held.TryAdd(Udid.Key(device.Udid), device);

        List<DeviceCandidate> fresh = [];
        List<(DeviceCandidate, AccountDevice)> disabled = [], existing = [];
        foreach (var candidate in wanted)
        {
            if (!held.TryGetValue(candidate.Key, out var device)) fresh.Add(candidate);
            else if (device.IsDisabled) disabled.Add((candidate, device));
            else existing.Add((candidate, device));
        }
        return new DevicePlan(fresh, disabled, existing);
    }
}
