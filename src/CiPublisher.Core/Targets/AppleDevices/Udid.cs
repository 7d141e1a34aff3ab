namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// UDID shapes (contract §6.4): 40 hex (older iOS), 8-16 hex with a hyphen (newer iOS devices and
/// Apple-silicon Macs; also without the hyphen), and the 8-4-4-4-12 provisioning UUID of Intel Macs. Checked loosely: the shape only.
/// </summary>
public static class Udid
{
    /// <summary>How UDIDs are compared: Apple may change letter case and people drop hyphens (fastlane #20551).</summary>
    public static string Key(string udid) => udid.Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>UDIDs are personal data shown in public summaries: only the start is ever shown.</summary>
    public static string Shorten(string udid)
    {
        var trimmed = udid.Trim();
        return trimmed.Length <= 8 ? trimmed : trimmed[..8] + "…";
    }

    /// <summary>The platform the UDID's shape implies and whether that agrees with the one given, or why it is unusable.</summary>
    public static (DevicePlatform? Platform, string? Problem) Check(string udid, DevicePlatform? given)
    {
        var value = udid.Trim();
        if (value.Length == 0) return (null, "empty UDID");
        if (!value.All(c => char.IsAsciiHexDigit(c) || c == '-')) return (null, "a UDID has only hexadecimal digits and hyphens");

        var groups = value.Split('-').Select(g => g.Length).ToArray();
        if (groups is [40]) return Agree(DevicePlatform.Ios, given, "a 40-digit UDID belongs to an iOS device");
        // Apple also accepts the 8-16 form written without its hyphen (fastlane #20551).
        if (groups is [8, 16] or [24]) return (given ?? DevicePlatform.Ios, null);
        if (groups is [8, 4, 4, 4, 12]) return Agree(DevicePlatform.MacOs, given, "a UUID-shaped identifier belongs to an Intel Mac");
        return (null, $"unrecognised UDID shape ({value.Length} characters); expected 40 hex, 8-16 hex, or a Mac UUID");
    }

    private static (DevicePlatform?, string?) Agree(DevicePlatform implied, DevicePlatform? given, string why) =>
        given is null || given == implied ? (implied, null) : (null, $"{why}, not {given.Value.WireName()}");
}
