using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>The inputs of the AltStore PAL target.</summary>
public static class AltStoreInputs
{
    public static InputDeclaration AdpId { get; } = new("altstore-adp-id", InputKind.Text,
        "ADP ID to process; enables AltStore ADP processing. auto: find it in App Store Connect (the apple-* key inputs) from the IPA's bundle ID and version.");

    public static InputDeclaration AdpHost { get; } = new("altstore-adp-host", InputKind.Text,
        "Where the processed ADP is hosted: github-release uploads its files, unchanged, as assets of the tag's release and writes assetURLs; none leaves it on AltStore's expiring link.") { Default = "none" };

    public static InputDeclaration AdpDir { get; } = new("altstore-adp-dir", InputKind.Text,
        "Also download the processed ADP and unpack it, unchanged, into this folder for a later step to deploy (then give altstore-hosted-url).");

    public static InputDeclaration ApiUrl { get; } = new("altstore-api-url", InputKind.Url,
        "AltStore PAL API base URL.") { Default = AltStoreSettings.DefaultApiUrl.OriginalString };

    public static InputDeclaration Wait { get; } = new("altstore-wait", InputKind.Bool,
        "Wait until the ADP is processed.") { Default = "true" };

    public static InputDeclaration WaitTimeout { get; } = new("altstore-wait-timeout", InputKind.Duration,
        "How long to wait for ADP processing.") { Default = "30m" };

    public static InputDeclaration SourceFile { get; } = new("altstore-source-file", InputKind.File,
        "AltStore source JSON file to update with the new version.");

    public static InputDeclaration SourceUrl { get; } = new("altstore-source-url", InputKind.Url,
        "Source URL to federate after publishing.");

    public static InputDeclaration DeveloperId { get; } = new("altstore-developer-id", InputKind.Text,
        "Developer ID for altstore --register.");

    public static InputDeclaration Email { get; } = new("altstore-email", InputKind.Text,
        "Email for altstore --register.");

    public static InputDeclaration MarketplaceId { get; } = new("altstore-marketplace-id", InputKind.Text,
        "The app's marketplace ID, to find it in the source file when no iOS artifact gives its bundle ID.");

    public static InputDeclaration HostedUrl { get; } = new("altstore-hosted-url", InputKind.Url,
        "Where you host the unpacked ADP; written as the new version's downloadURL (default: AltStore's own download link).");

    public static InputGroup Group { get; } = new("AltStore PAL", [AdpId, AdpHost, AdpDir, ApiUrl, Wait, WaitTimeout, SourceFile, SourceUrl, DeveloperId, Email, MarketplaceId, HostedUrl]);
}
