namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>A device that passed the checks: what will be compared with the account and maybe registered.</summary>
public sealed record DeviceCandidate(string Udid, string Name, DevicePlatform Platform)
{
    public string Key => AppleDevices.Udid.Key(Udid);
}

/// <summary>A device refused before any call, with the reason. Only the shortened UDID is kept.</summary>
public sealed record InvalidDevice(string ShortUdid, string? Name, string Source, string Reason);

/// <summary>All sources merged: de-duplicated by normalised UDID (the first mention wins, a later one may add a name).</summary>
public sealed record DeviceCandidates(IReadOnlyList<DeviceCandidate> Valid, IReadOnlyList<InvalidDevice> Invalid)
{
    /// <summary>What the sources want the summary to say about how they chose (devices of other products left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static DeviceCandidates From(IEnumerable<DeviceRequest> requests)
    {
        var valid = new List<DeviceCandidate>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var invalid = new List<InvalidDevice>();
        foreach (var request in requests)
        {
            var (platform, problem) = Udid.Check(request.Udid, request.Platform);
            problem = request.PlatformProblem ?? problem;
            if (problem is not null || platform is null)
            {
                invalid.Add(new InvalidDevice(Udid.Shorten(request.Udid), request.Name, request.Source, problem ?? "no platform"));
                continue;
            }

            var key = Udid.Key(request.Udid);
            if (byKey.TryGetValue(key, out var index))
            {
                if (valid[index].Name == DefaultName(valid[index].Udid) && request.Name is not null)
                    valid[index] = valid[index] with { Name = request.Name };
                continue;
            }
            byKey[key] = valid.Count;
            valid.Add(new DeviceCandidate(request.Udid.Trim(), request.Name ?? DefaultName(request.Udid), platform.Value));
        }
        return new DeviceCandidates(valid, invalid);
    }

    /// <summary>Apple requires a name; Fenfa names unnamed devices the same way.</summary>
    public static string DefaultName(string udid) => $"Device {udid.Trim()[..Math.Min(8, udid.Trim().Length)]}";
}
