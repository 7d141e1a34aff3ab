// The inputs users type, as one class: CommandLineParser reads the [Option]s, the settings binder
// reads [Input] for the action input and environment spellings. Keep names stable: add, never rename.
using CommandLine;

namespace CiPublisher.Cli;

public class InputOptions
{
    [Option("command", HelpText = "Verb to run when none is given on the command line: publish, register-devices, altstore, inspect, version.")]
    [Input(InputKind.Text)]
    public string? Command { get; set; }

    [Option("artifacts", HelpText = "Globs of files to publish, relative to working-directory; newline or comma separated.")]
    [Input(InputKind.List)]
    public string? Artifacts { get; set; }

    [Option("working-directory", HelpText = "Base for globs and relative paths (default: GITHUB_WORKSPACE, else the current directory).")]
    [Input(InputKind.Directory)]
    public string? WorkingDirectory { get; set; }

    [Option("version", HelpText = "Version to publish (default: from the artifact, else the tag name without a leading v).")]
    [Input(InputKind.Text)]
    public string? Version { get; set; }

    [Option("build-number", HelpText = "Build number to publish (default: from the artifact).")]
    [Input(InputKind.Text)]
    public string? BuildNumber { get; set; }

    [Option("release-notes", HelpText = "Release notes text.")]
    [Input(InputKind.Text)]
    public string? ReleaseNotes { get; set; }

    [Option("release-notes-file", HelpText = "File with release notes (wins over release-notes).")]
    [Input(InputKind.File)]
    public string? ReleaseNotesFile { get; set; }

    [Option("release-notes-from", HelpText = "When no release notes are given: git (commit subjects since the previous tag) or pr (the pull request's title and body).")]
    [Input(InputKind.Text)]
    public string? ReleaseNotesFrom { get; set; }

    [Option("channel", HelpText = "Release channel (e.g. beta), where the target has one.")]
    [Input(InputKind.Text)]
    public string? Channel { get; set; }

    [Option("dry-run", HelpText = "Resolve inputs, inspect artifacts, print the plan; write nothing anywhere.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? DryRun { get; set; }

    [Option("timeout", HelpText = "Deadline for the whole run, uploads included (90s, 15m, 1h or seconds); raise it for multi-GB artifacts on slow links.")]
    [Input(InputKind.Duration, Default = "30m")]
    public string? Timeout { get; set; }

    [Option("max-parallel", HelpText = "Uploads in flight at once (1-16).")]
    [Input(InputKind.WholeNumber, Default = "2")]
    public string? MaxParallel { get; set; }

    [Option("retry-max-attempts", HelpText = "Retries of a failed API call on transient errors (0-10).")]
    [Input(InputKind.WholeNumber, Default = "4")]
    public string? RetryMaxAttempts { get; set; }

    [Option("retry-base-delay", HelpText = "First retry delay; later ones grow exponentially with jitter.")]
    [Input(InputKind.Duration, Default = "2s")]
    public string? RetryBaseDelay { get; set; }

    [Option("request-timeout", HelpText = "An API call attempt fails (and is retried when safe) when no answer came within this long; transfers use stall-timeout instead.")]
    [Input(InputKind.Duration, Default = "100s")]
    public string? RequestTimeout { get; set; }

    [Option("stall-timeout", HelpText = "An upload fails when no byte moved for this long (there is no total limit on transfers).")]
    [Input(InputKind.Duration, Default = "2m")]
    public string? StallTimeout { get; set; }

    [Option("fenfa-url", HelpText = "Fenfa server base URL; enables the Fenfa target.")]
    [Input(InputKind.Url)]
    public string? FenfaUrl { get; set; }

    [Option("fenfa-token", HelpText = "Fenfa upload or admin token.")]
    [Input(InputKind.Text, Secret = true)]
    public string? FenfaToken { get; set; }

    [Option("fenfa-product", HelpText = "Fenfa product slug: found, or created (admin token).")]
    [Input(InputKind.Text)]
    public string? FenfaProduct { get; set; }

    [Option("fenfa-product-name", HelpText = "Product name when it must be created (default: the app's display name).")]
    [Input(InputKind.Text)]
    public string? FenfaProductName { get; set; }

    [Option("fenfa-variant-id", HelpText = "Upload straight to this Fenfa variant (an upload token suffices).")]
    [Input(InputKind.Text)]
    public string? FenfaVariantId { get; set; }

    [Option("fenfa-publish", HelpText = "Make sure product and variant are published (admin token).")]
    [Input(InputKind.Bool, Default = "true")]
    public string? FenfaPublish { get; set; }

    [Option("fenfa-skip-existing", HelpText = "Skip an artifact already on its variant: the same bytes (admin token) or the same version and build (upload token).")]
    [Input(InputKind.Bool, Default = "true")]
    public string? FenfaSkipExisting { get; set; }

    [Option("apple-key-id", HelpText = "App Store Connect API key ID.")]
    [Input(InputKind.Text)]
    public string? AppleKeyId { get; set; }

    [Option("apple-issuer-id", HelpText = "App Store Connect issuer ID; absent means an individual key.")]
    [Input(InputKind.Text)]
    public string? AppleIssuerId { get; set; }

    [Option("apple-private-key", HelpText = "The .p8 key: PEM text, base64 of the PEM, or a file path.")]
    [Input(InputKind.Text, Secret = true)]
    public string? ApplePrivateKey { get; set; }

    [Option("apple-api-url", HelpText = "App Store Connect API base URL.")]
    [Input(InputKind.Url, Default = "https://api.appstoreconnect.apple.com")]
    public string? AppleApiUrl { get; set; }

    [Option("apple-devices", HelpText = "Devices, one per line: UDID, then optional name and platform, separated by a tab or comma.")]
    [Input(InputKind.List)]
    public string? AppleDevices { get; set; }

    [Option("apple-devices-file", HelpText = "A file in Apple's device list format (tab-separated).")]
    [Input(InputKind.File)]
    public string? AppleDevicesFile { get; set; }

    [Option("apple-devices-from-fenfa", HelpText = "Also take the UDIDs bound in Fenfa (fenfa-url and an admin token).")]
    [Input(InputKind.Bool, Default = "false")]
    public string? AppleDevicesFromFenfa { get; set; }

    [Option("apple-max-new-devices", HelpText = "Refuse to register more new devices than this in one run.")]
    [Input(InputKind.WholeNumber)]
    public string? AppleMaxNewDevices { get; set; }

    [Option("apple-refresh-profiles", HelpText = "Keep the artifacts' profiles (of apple-profile-types) holding every enabled device their type takes.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? AppleRefreshProfiles { get; set; }

    [Option("apple-profile-types", HelpText = "Profile types to keep current or create: IOS_APP_ADHOC, IOS_APP_DEVELOPMENT, TVOS_APP_ADHOC, TVOS_APP_DEVELOPMENT, MAC_APP_DEVELOPMENT, MAC_CATALYST_APP_DEVELOPMENT.")]
    [Input(InputKind.List, Default = "IOS_APP_ADHOC")]
    public string? AppleProfileTypes { get; set; }

    [Option("apple-create-missing-profiles", HelpText = "Create a profile of each type in apple-profile-types for an artifact's bundle ID that has none.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? AppleCreateMissingProfiles { get; set; }

    [Option("apple-profiles-include-macs", HelpText = "Also put Apple-silicon Macs into iOS profiles, so testers can run the iOS app on a Mac.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? AppleProfilesIncludeMacs { get; set; }

    [Option("altstore-adp-id", HelpText = "ADP ID to process; enables AltStore ADP processing. auto: find it in App Store Connect (the apple-* key inputs) from the IPA's bundle ID and version.")]
    [Input(InputKind.Text)]
    public string? AltstoreAdpId { get; set; }

    [Option("altstore-adp-host", HelpText = "Where the processed ADP is hosted: github-release uploads its files, unchanged, as assets of the tag's release and writes assetURLs; none leaves it on AltStore's expiring link.")]
    [Input(InputKind.Text, Default = "none")]
    public string? AltstoreAdpHost { get; set; }

    [Option("altstore-adp-dir", HelpText = "Also download the processed ADP and unpack it, unchanged, into this folder for a later step to deploy (then give altstore-hosted-url).")]
    [Input(InputKind.Text)]
    public string? AltstoreAdpDir { get; set; }

    [Option("altstore-api-url", HelpText = "AltStore PAL API base URL.")]
    [Input(InputKind.Url, Default = "https://api.altstore.io")]
    public string? AltstoreApiUrl { get; set; }

    [Option("altstore-wait", HelpText = "Wait until the ADP is processed.")]
    [Input(InputKind.Bool, Default = "true")]
    public string? AltstoreWait { get; set; }

    [Option("altstore-wait-timeout", HelpText = "How long to wait for ADP processing.")]
    [Input(InputKind.Duration, Default = "30m")]
    public string? AltstoreWaitTimeout { get; set; }

    [Option("altstore-source-file", HelpText = "AltStore source JSON file to update with the new version.")]
    [Input(InputKind.File)]
    public string? AltstoreSourceFile { get; set; }

    [Option("altstore-source-url", HelpText = "Source URL to federate after publishing.")]
    [Input(InputKind.Url)]
    public string? AltstoreSourceUrl { get; set; }

    [Option("altstore-developer-id", HelpText = "Developer ID for altstore --register.")]
    [Input(InputKind.Text)]
    public string? AltstoreDeveloperId { get; set; }

    [Option("altstore-email", HelpText = "Email for altstore --register.")]
    [Input(InputKind.Text)]
    public string? AltstoreEmail { get; set; }

    [Option("altstore-marketplace-id", HelpText = "The app's marketplace ID, to find it in the source file when no iOS artifact gives its bundle ID.")]
    [Input(InputKind.Text)]
    public string? AltstoreMarketplaceId { get; set; }

    [Option("altstore-hosted-url", HelpText = "Where you host the unpacked ADP; written as the new version's downloadURL (default: AltStore's own download link).")]
    [Input(InputKind.Url)]
    public string? AltstoreHostedUrl { get; set; }

    [Option("aptoide-repo", HelpText = "Aptoide store (repo) name; enables the Aptoide target.")]
    [Input(InputKind.Text)]
    public string? AptoideRepo { get; set; }

    [Option("aptoide-token", HelpText = "Aptoide OAuth access token.")]
    [Input(InputKind.Text, Secret = true)]
    public string? AptoideToken { get; set; }

    [Option("aptoide-username", HelpText = "Aptoide user name (with aptoide-password, instead of a token).")]
    [Input(InputKind.Text)]
    public string? AptoideUsername { get; set; }

    [Option("aptoide-password", HelpText = "Aptoide password.")]
    [Input(InputKind.Text, Secret = true)]
    public string? AptoidePassword { get; set; }

    [Option("aptoide-api-url", HelpText = "Aptoide web services base URL.")]
    [Input(InputKind.Url, Default = "https://webservices.aptoide.com/webservices/")]
    public string? AptoideApiUrl { get; set; }

    [Option("aptoide-category", HelpText = "Aptoide store listing category.")]
    [Input(InputKind.Text)]
    public string? AptoideCategory { get; set; }

    [Option("aptoide-rating", HelpText = "Aptoide store listing rating.")]
    [Input(InputKind.Text)]
    public string? AptoideRating { get; set; }

    [Option("aptoide-description", HelpText = "Aptoide store listing description.")]
    [Input(InputKind.Text)]
    public string? AptoideDescription { get; set; }

    [Option("aptoide-only-user-repo", HelpText = "Publish only to this Aptoide store; false also proposes the app to Aptoide's main catalogue.")]
    [Input(InputKind.Bool, Default = "true")]
    public string? AptoideOnlyUserRepo { get; set; }

    [Option("github-token", HelpText = "Token for the GitHub API.")]
    [Input(InputKind.Text, Secret = true)]
    public string? GithubToken { get; set; }

    [Option("github-api-url", HelpText = "GitHub API base URL (default: GITHUB_API_URL, else https://api.github.com).")]
    [Input(InputKind.Url)]
    public string? GithubApiUrl { get; set; }

    [Option("github-repository", HelpText = "owner/name (default: GITHUB_REPOSITORY).")]
    [Input(InputKind.Text)]
    public string? GithubRepository { get; set; }

    [Option("github-release", HelpText = "Add or refresh a distribution section in the GitHub release of the tag.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? GithubRelease { get; set; }

    [Option("github-release-assets", HelpText = "Upload the artifacts as assets of the tag's release (created when missing); an asset already there with the same content is kept.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? GithubReleaseAssets { get; set; }

    [Option("github-release-checksums", HelpText = "With github-release-assets: also a SHA256SUMS asset listing every asset's SHA-256.")]
    [Input(InputKind.Bool, Default = "true")]
    public string? GithubReleaseChecksums { get; set; }

    [Option("github-pr-comment", HelpText = "Add or refresh one comment with the summary on the pull request.")]
    [Input(InputKind.Bool, Default = "false")]
    public string? GithubPrComment { get; set; }

    [Option("github-pr-number", HelpText = "Pull request number, for CI systems other than GitHub's pull_request runs.")]
    [Input(InputKind.WholeNumber)]
    public string? GithubPrNumber { get; set; }

    [Option("gitlab-dotenv-file", HelpText = "GitLab CI: file the outputs are written to, for artifacts:reports:dotenv (relative to CI_PROJECT_DIR).")]
    [Input(InputKind.Text, Default = "cipublisher.env")]
    public string? GitlabDotenvFile { get; set; }
}
