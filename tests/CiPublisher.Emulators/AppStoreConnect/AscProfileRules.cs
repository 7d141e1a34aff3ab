namespace CiPublisher.Emulators.AppStoreConnect;

/// <summary>
/// What Apple takes into a profile of each type (contract §10, from field reports: Apple publishes no table).
/// Kept apart from the client's own table on purpose: the emulator states Apple's rules, the client follows them.
/// </summary>
internal static class AscProfileRules
{
    private static readonly string[] IosClasses = ["IPHONE", "IPAD", "IPOD", "APPLE_WATCH", "APPLE_VISION_PRO"];

    public static bool HoldsDevices(string profileType) =>
        profileType.EndsWith("_ADHOC", StringComparison.Ordinal) || profileType.EndsWith("_DEVELOPMENT", StringComparison.Ordinal);

    /// <summary>Whether a device may enter a profile of this type; Apple-silicon Macs may enter iOS ones (the portal's opt-in).</summary>
    public static bool Takes(string profileType, AscDevice device) => profileType switch
    {
        "IOS_APP_ADHOC" or "IOS_APP_DEVELOPMENT" => IosClasses.Contains(device.DeviceClass)
                                                    || (device.DeviceClass == "MAC" && IsAppleSiliconUdid(device.Udid)),
        "TVOS_APP_ADHOC" or "TVOS_APP_DEVELOPMENT" => device.DeviceClass == "APPLE_TV",
        "MAC_APP_DEVELOPMENT" or "MAC_CATALYST_APP_DEVELOPMENT" => device.DeviceClass == "MAC",
        _ => false,
    };

    public static IReadOnlyList<string> CertificateTypesFor(string profileType) => profileType switch
    {
        "IOS_APP_DEVELOPMENT" or "TVOS_APP_DEVELOPMENT" => ["DEVELOPMENT", "IOS_DEVELOPMENT"],
        "IOS_APP_ADHOC" or "IOS_APP_STORE" or "TVOS_APP_ADHOC" or "TVOS_APP_STORE" => ["DISTRIBUTION", "IOS_DISTRIBUTION"],
        "IOS_APP_INHOUSE" or "TVOS_APP_INHOUSE" => ["IOS_DISTRIBUTION"],
        "MAC_APP_DEVELOPMENT" or "MAC_CATALYST_APP_DEVELOPMENT" => ["DEVELOPMENT", "MAC_APP_DEVELOPMENT"],
        "MAC_APP_STORE" or "MAC_CATALYST_APP_STORE" => ["DISTRIBUTION", "MAC_APP_DISTRIBUTION"],
        "MAC_APP_DIRECT" or "MAC_CATALYST_APP_DIRECT" => ["DEVELOPER_ID_APPLICATION", "DEVELOPER_ID_APPLICATION_G2"],
        _ => [],
    };

    public static string PlatformOf(string profileType) =>
        profileType.StartsWith("MAC_", StringComparison.Ordinal) ? "MAC_OS" : "IOS";

    private static bool IsAppleSiliconUdid(string udid) => udid.Split('-').Select(g => g.Length).ToArray() is [8, 16] or [24];
}
