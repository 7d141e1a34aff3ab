namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// The enabled devices a profile of one type may hold, by <c>deviceClass</c> (platform says IOS for Apple TVs and
/// watches too), and the enabled devices left out with the reason. Apple refuses the whole profile for one device of
/// a wrong class, so the choice is made here, before anything is sent.
/// </summary>
public sealed record ProfileDeviceSelection(IReadOnlyList<AccountDevice> Included, IReadOnlyList<(AccountDevice Device, string Reason)> LeftOut)
{
    public static ProfileDeviceSelection For(ProfileTypeRule rule, IEnumerable<AccountDevice> devices, bool includeMacs)
    {
        var included = new List<AccountDevice>();
        var leftOut = new List<(AccountDevice, string)>();
        foreach (var device in devices.Where(d => d.IsEnabled))
        {
            var deviceClass = ClassOf(device);
            if (rule.DeviceClasses.Contains(deviceClass)) included.Add(device);
            else if (deviceClass == "MAC" && rule.TakesAppleSiliconMacs && includeMacs && IsAppleSilicon(device)) included.Add(device);
            else leftOut.Add((device, WhyNot(rule, deviceClass, device, includeMacs)));
        }
        return new ProfileDeviceSelection(included, leftOut);
    }

    /// <summary>"2 left out: 1 APPLE_TV (…), 1 MAC (…)", or null when none was.</summary>
    public string? LeftOutSummary() => LeftOut.Count == 0 ? null
        : $"{LeftOut.Count} enabled device(s) left out: " + string.Join(", ",
            LeftOut.GroupBy(l => l.Reason).Select(g => $"{g.Count()} {g.Key}"));

    // Apple's answers carry deviceClass (OpenAPI 4.4.1); should one lack it, the platform is all there is to go by.
    private static string ClassOf(AccountDevice device) =>
        device.DeviceClass ?? (device.Platform == "MAC_OS" ? "MAC" : "IPHONE");

    private static bool IsAppleSilicon(AccountDevice device) => device.Udid.Split('-').Select(g => g.Length).ToArray() is [8, 16] or [24];

    private static string WhyNot(ProfileTypeRule rule, string deviceClass, AccountDevice device, bool includeMacs)
    {
        if (deviceClass != "MAC" || !rule.TakesAppleSiliconMacs) return $"{deviceClass} (not taken by {rule.ProfileType} profiles)";
        if (!IsAppleSilicon(device)) return "MAC (Intel Macs cannot run iOS apps)";
        return includeMacs ? "MAC" : $"MAC (Apple-silicon Macs enter iOS profiles only with {AppleInputs.ProfilesIncludeMacs.Name})";
    }
}
