namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>The platforms a device is registered under (contract §6.2: IOS for every non-Mac device, MAC_OS for Macs).</summary>
public enum DevicePlatform
{
    Ios,
    MacOs,
}

public static class DevicePlatforms
{
    public static string WireName(this DevicePlatform platform) => platform == DevicePlatform.MacOs ? "MAC_OS" : "IOS";

    /// <summary>Reads what users and Apple's device file write: "ios", "iPad", "watchOS", "mac", "MAC_OS", ...</summary>
    public static DevicePlatform? Parse(string? text)
    {
        var compact = text?.Trim().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        return compact switch
        {
            null or "" => null,
            "IOS" or "IPHONE" or "IPAD" or "IPOD" or "IPADOS" or "TVOS" or "APPLETV" or "WATCHOS" or "VISIONOS" => DevicePlatform.Ios,
            "MAC" or "MACOS" or "OSX" => DevicePlatform.MacOs,
            _ => throw new FormatException($"unknown platform '{text!.Trim()}' (use ios or mac)"),
        };
    }

    /// <summary>Apple's wire value, parsed tolerantly: UNIVERSAL/SERVICES and unknown values are left out.</summary>
    public static DevicePlatform? FromWire(string? value) => value?.ToUpperInvariant() switch
    {
        "IOS" => DevicePlatform.Ios,
        "MAC_OS" => DevicePlatform.MacOs,
        _ => null,
    };
}
