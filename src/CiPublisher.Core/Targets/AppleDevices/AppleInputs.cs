using CiPublisher.Core.Apple;
using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>The App Store Connect key and the device and profile inputs; the key also serves AltStore's ADP lookup.</summary>
public static class AppleInputs
{
    public static InputDeclaration KeyId { get; } = new(AppleKeyLoader.KeyIdInput, InputKind.Text,
        "App Store Connect API key ID.");

    public static InputDeclaration IssuerId { get; } = new("apple-issuer-id", InputKind.Text,
        "App Store Connect issuer ID; absent means an individual key.");

    public static InputDeclaration PrivateKey { get; } = new(AppleKeyLoader.PrivateKeyInput, InputKind.Text,
        "The .p8 key: PEM text, base64 of the PEM, or a file path.") { Secret = true };

    public static InputDeclaration ApiUrl { get; } = new("apple-api-url", InputKind.Url,
        "App Store Connect API base URL.") { Default = AppleSettings.DefaultApiUrl.OriginalString };

    public static InputDeclaration Devices { get; } = new("apple-devices", InputKind.List,
        "Devices, one per line: UDID, then optional name and platform, separated by a tab or comma.");

    public static InputDeclaration DevicesFile { get; } = new("apple-devices-file", InputKind.File,
        "A file in Apple's device list format (tab-separated).");

    public static InputDeclaration DevicesFromFenfa { get; } = new("apple-devices-from-fenfa", InputKind.Bool,
        "Also take the UDIDs bound in Fenfa (fenfa-url and an admin token).") { Default = "false" };

    public static InputDeclaration MaxNewDevices { get; } = new("apple-max-new-devices", InputKind.WholeNumber,
        "Refuse to register more new devices than this in one run.");

    public static InputDeclaration RefreshProfiles { get; } = new("apple-refresh-profiles", InputKind.Bool,
        "Keep the artifacts' profiles (of apple-profile-types) holding every enabled device their type takes.") { Default = "false" };

    public static InputDeclaration ProfileTypes { get; } = new("apple-profile-types", InputKind.List,
        "Profile types to keep current or create: IOS_APP_ADHOC, IOS_APP_DEVELOPMENT, TVOS_APP_ADHOC, TVOS_APP_DEVELOPMENT, MAC_APP_DEVELOPMENT, MAC_CATALYST_APP_DEVELOPMENT.") { Default = "IOS_APP_ADHOC" };

    public static InputDeclaration CreateMissingProfiles { get; } = new("apple-create-missing-profiles", InputKind.Bool,
        "Create a profile of each type in apple-profile-types for an artifact's bundle ID that has none.") { Default = "false" };

    public static InputDeclaration ProfilesIncludeMacs { get; } = new("apple-profiles-include-macs", InputKind.Bool,
        "Also put Apple-silicon Macs into iOS profiles, so testers can run the iOS app on a Mac.") { Default = "false" };

    public static InputGroup Group { get; } = new("Apple (App Store Connect)", [KeyId, IssuerId, PrivateKey, ApiUrl, Devices, DevicesFile, DevicesFromFenfa, MaxNewDevices, RefreshProfiles, ProfileTypes, CreateMissingProfiles, ProfilesIncludeMacs]);
}
