namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// What a device-holding profile type takes (contract §10, from field reports; Apple publishes no table): the device
/// classes, the certificate types, and whether it holds one certificate (distribution) or every valid one (development).
/// </summary>
public sealed record ProfileTypeRule(
    string ProfileType,
    string Label,
    IReadOnlySet<string> DeviceClasses,
    IReadOnlySet<string> CertificateTypes,
    bool OneCertificate,
    bool TakesAppleSiliconMacs,
    string BundlePlatform = "IOS")
{
    public const string IosAdHoc = "IOS_APP_ADHOC";

    private static readonly HashSet<string> IosClasses = ["IPHONE", "IPAD", "IPOD", "APPLE_WATCH", "APPLE_VISION_PRO"];
    private static readonly HashSet<string> TvClasses = ["APPLE_TV"];
    private static readonly HashSet<string> MacClasses = ["MAC"];
    private static readonly HashSet<string> Development = ["DEVELOPMENT", "IOS_DEVELOPMENT"];
    private static readonly HashSet<string> Distribution = ["DISTRIBUTION", "IOS_DISTRIBUTION"];
    private static readonly HashSet<string> MacDevelopment = ["DEVELOPMENT", "MAC_APP_DEVELOPMENT"];

    /// <summary>The types <c>apple-profile-types</c> accepts: every type that holds devices.</summary>
    public static IReadOnlyDictionary<string, ProfileTypeRule> DeviceHolding { get; } = new[]
    {
        new ProfileTypeRule(IosAdHoc, "iOS AdHoc", IosClasses, Distribution, OneCertificate: true, TakesAppleSiliconMacs: true),
        new ProfileTypeRule("IOS_APP_DEVELOPMENT", "iOS Development", IosClasses, Development, OneCertificate: false, TakesAppleSiliconMacs: true),
        new ProfileTypeRule("TVOS_APP_ADHOC", "tvOS AdHoc", TvClasses, Distribution, OneCertificate: true, TakesAppleSiliconMacs: false),
        new ProfileTypeRule("TVOS_APP_DEVELOPMENT", "tvOS Development", TvClasses, Development, OneCertificate: false, TakesAppleSiliconMacs: false),
        new ProfileTypeRule("MAC_APP_DEVELOPMENT", "Mac Development", MacClasses, MacDevelopment, OneCertificate: false, TakesAppleSiliconMacs: false,
            BundlePlatform: "MAC_OS"),
        new ProfileTypeRule("MAC_CATALYST_APP_DEVELOPMENT", "Mac Catalyst Development", MacClasses, MacDevelopment, OneCertificate: false,
            TakesAppleSiliconMacs: false),
    }.ToDictionary(r => r.ProfileType, StringComparer.Ordinal);
}
