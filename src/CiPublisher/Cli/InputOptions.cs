// Generated from the input declarations (InputCatalog) by scripts/regenerate-inputs.sh; do not edit.
// CommandLineParser reads flags only from attributed properties, so each declared input is one here.
using CommandLine;

namespace CiPublisher.Cli;

/// <summary>Every input as a CLI flag; <see cref="InputSources"/> reads them by name.</summary>
public class InputOptions
{
    [Option("command", HelpText = "Verb to run when none is given on the command line: publish, register-devices, altstore, inspect, version.")]
    public string? Command { get; set; }

    [Option("artifacts", HelpText = "Globs of files to publish, relative to working-directory; newline or comma separated.")]
    public string? Artifacts { get; set; }

    [Option("working-directory", HelpText = "Base for globs and relative paths (default: GITHUB_WORKSPACE, else the current directory).")]
    public string? WorkingDirectory { get; set; }

    [Option("version", HelpText = "Version to publish (default: from the artifact, else the tag name without a leading v).")]
    public string? Version { get; set; }

    [Option("build-number", HelpText = "Build number to publish (default: from the artifact).")]
    public string? BuildNumber { get; set; }

    [Option("release-notes", HelpText = "Release notes text.")]
    public string? ReleaseNotes { get; set; }

    [Option("release-notes-file", HelpText = "File with release notes (wins over release-notes).")]
    public string? ReleaseNotesFile { get; set; }

    [Option("release-notes-from", HelpText = "When no release notes are given: git (commit subjects since the previous tag) or pr (the pull request's title and body).")]
    public string? ReleaseNotesFrom { get; set; }

    [Option("channel", HelpText = "Release channel (e.g. beta), where the target has one.")]
    public string? Channel { get; set; }

    [Option("dry-run", HelpText = "Resolve inputs, inspect artifacts, print the plan; write nothing anywhere.")]
    public string? DryRun { get; set; }

    [Option("timeout", HelpText = "Deadline for the whole run, uploads included (90s, 15m, 1h or seconds); raise it for multi-GB artifacts on slow links.")]
    public string? Timeout { get; set; }

    [Option("max-parallel", HelpText = "Uploads in flight at once (1-16).")]
    public string? MaxParallel { get; set; }

    [Option("retry-max-attempts", HelpText = "Retries of a failed API call on transient errors (0-10).")]
    public string? RetryMaxAttempts { get; set; }

    [Option("retry-base-delay", HelpText = "First retry delay; later ones grow exponentially with jitter.")]
    public string? RetryBaseDelay { get; set; }

    [Option("request-timeout", HelpText = "An API call attempt fails (and is retried when safe) when no answer came within this long; transfers use stall-timeout instead.")]
    public string? RequestTimeout { get; set; }

    [Option("stall-timeout", HelpText = "An upload fails when no byte moved for this long (there is no total limit on transfers).")]
    public string? StallTimeout { get; set; }

    [Option("fenfa-url", HelpText = "Fenfa server base URL; enables the Fenfa target.")]
    public string? FenfaUrl { get; set; }

    [Option("fenfa-token", HelpText = "Fenfa upload or admin token.")]
    public string? FenfaToken { get; set; }

    [Option("fenfa-product", HelpText = "Fenfa product slug: found, or created (admin token).")]
    public string? FenfaProduct { get; set; }

    [Option("fenfa-product-name", HelpText = "Product name when it must be created (default: the app's display name).")]
    public string? FenfaProductName { get; set; }

    [Option("fenfa-variant-id", HelpText = "Upload straight to this Fenfa variant (an upload token suffices).")]
    public string? FenfaVariantId { get; set; }

    [Option("fenfa-publish", HelpText = "Make sure product and variant are published (admin token).")]
    public string? FenfaPublish { get; set; }

    [Option("fenfa-skip-existing", HelpText = "Skip an artifact already on its variant: the same bytes (admin token) or the same version and build (upload token).")]
    public string? FenfaSkipExisting { get; set; }

    [Option("aptoide-repo", HelpText = "Aptoide store (repo) name; enables the Aptoide target.")]
    public string? AptoideRepo { get; set; }

    [Option("aptoide-token", HelpText = "Aptoide OAuth access token.")]
    public string? AptoideToken { get; set; }

    [Option("aptoide-username", HelpText = "Aptoide user name (with aptoide-password, instead of a token).")]
    public string? AptoideUsername { get; set; }

    [Option("aptoide-password", HelpText = "Aptoide password.")]
    public string? AptoidePassword { get; set; }

    [Option("aptoide-api-url", HelpText = "Aptoide web services base URL.")]
    public string? AptoideApiUrl { get; set; }

    [Option("aptoide-category", HelpText = "Aptoide store listing category.")]
    public string? AptoideCategory { get; set; }

    [Option("aptoide-rating", HelpText = "Aptoide store listing rating.")]
    public string? AptoideRating { get; set; }

    [Option("aptoide-description", HelpText = "Aptoide store listing description.")]
    public string? AptoideDescription { get; set; }

    [Option("aptoide-only-user-repo", HelpText = "Publish only to this Aptoide store; false also proposes the app to Aptoide's main catalogue.")]
    public string? AptoideOnlyUserRepo { get; set; }

    [Option("altstore-adp-id", HelpText = "ADP ID to process; enables AltStore ADP processing. auto: find it in App Store Connect (the apple-* key inputs) from the IPA's bundle ID and version.")]
    public string? AltstoreAdpId { get; set; }

    [Option("altstore-adp-host", HelpText = "Where the processed ADP is hosted: github-release uploads its files, unchanged, as assets of the tag's release and writes assetURLs; none leaves it on AltStore's expiring link.")]
    public string? AltstoreAdpHost { get; set; }

    [Option("altstore-adp-dir", HelpText = "Also download the processed ADP and unpack it, unchanged, into this folder for a later step to deploy (then give altstore-hosted-url).")]
    public string? AltstoreAdpDir { get; set; }

    [Option("altstore-api-url", HelpText = "AltStore PAL API base URL.")]
    public string? AltstoreApiUrl { get; set; }

    [Option("altstore-wait", HelpText = "Wait until the ADP is processed.")]
    public string? AltstoreWait { get; set; }

    [Option("altstore-wait-timeout", HelpText = "How long to wait for ADP processing.")]
    public string? AltstoreWaitTimeout { get; set; }

    [Option("altstore-source-file", HelpText = "AltStore source JSON file to update with the new version.")]
    public string? AltstoreSourceFile { get; set; }

    [Option("altstore-source-url", HelpText = "Source URL to federate after publishing.")]
    public string? AltstoreSourceUrl { get; set; }

    [Option("altstore-developer-id", HelpText = "Developer ID for altstore --register.")]
    public string? AltstoreDeveloperId { get; set; }

    [Option("altstore-email", HelpText = "Email for altstore --register.")]
    public string? AltstoreEmail { get; set; }

    [Option("altstore-marketplace-id", HelpText = "The app's marketplace ID, to find it in the source file when no iOS artifact gives its bundle ID.")]
    public string? AltstoreMarketplaceId { get; set; }

    [Option("altstore-hosted-url", HelpText = "Where you host the unpacked ADP; written as the new version's downloadURL (default: AltStore's own download link).")]
    public string? AltstoreHostedUrl { get; set; }

    [Option("apple-key-id", HelpText = "App Store Connect API key ID.")]
    public string? AppleKeyId { get; set; }

    [Option("apple-issuer-id", HelpText = "App Store Connect issuer ID; absent means an individual key.")]
    public string? AppleIssuerId { get; set; }

    [Option("apple-private-key", HelpText = "The .p8 key: PEM text, base64 of the PEM, or a file path.")]
    public string? ApplePrivateKey { get; set; }

    [Option("apple-api-url", HelpText = "App Store Connect API base URL.")]
    public string? AppleApiUrl { get; set; }

    [Option("apple-devices", HelpText = "Devices, one per line: UDID, then optional name and platform, separated by a tab or comma.")]
    public string? AppleDevices { get; set; }

    [Option("apple-devices-file", HelpText = "A file in Apple's device list format (tab-separated).")]
    public string? AppleDevicesFile { get; set; }

    [Option("apple-devices-from-fenfa", HelpText = "Also take the UDIDs bound in Fenfa (fenfa-url and an admin token).")]
    public string? AppleDevicesFromFenfa { get; set; }

    [Option("apple-max-new-devices", HelpText = "Refuse to register more new devices than this in one run.")]
    public string? AppleMaxNewDevices { get; set; }

    [Option("apple-refresh-profiles", HelpText = "Keep the artifacts' profiles (of apple-profile-types) holding every enabled device their type takes.")]
    public string? AppleRefreshProfiles { get; set; }

    [Option("apple-profile-types", HelpText = "Profile types to keep current or create: IOS_APP_ADHOC, IOS_APP_DEVELOPMENT, TVOS_APP_ADHOC, TVOS_APP_DEVELOPMENT, MAC_APP_DEVELOPMENT, MAC_CATALYST_APP_DEVELOPMENT.")]
    public string? AppleProfileTypes { get; set; }

    [Option("apple-create-missing-profiles", HelpText = "Create a profile of each type in apple-profile-types for an artifact's bundle ID that has none.")]
    public string? AppleCreateMissingProfiles { get; set; }

    [Option("apple-profiles-include-macs", HelpText = "Also put Apple-silicon Macs into iOS profiles, so testers can run the iOS app on a Mac.")]
    public string? AppleProfilesIncludeMacs { get; set; }

    [Option("github-token", HelpText = "Token for the GitHub API.")]
    public string? GithubToken { get; set; }

    [Option("github-api-url", HelpText = "GitHub API base URL (default: GITHUB_API_URL, else https://api.github.com).")]
    public string? GithubApiUrl { get; set; }

    [Option("github-repository", HelpText = "owner/name (default: GITHUB_REPOSITORY).")]
    public string? GithubRepository { get; set; }

    [Option("github-release", HelpText = "Add or refresh a distribution section in the GitHub release of the tag.")]
    public string? GithubRelease { get; set; }

    [Option("github-release-assets", HelpText = "Upload the artifacts as assets of the tag's release (created when missing); an asset already there with the same content is kept.")]
    public string? GithubReleaseAssets { get; set; }

    [Option("github-release-checksums", HelpText = "With github-release-assets: also a SHA256SUMS asset listing every asset's SHA-256.")]
    public string? GithubReleaseChecksums { get; set; }

    [Option("github-pr-comment", HelpText = "Add or refresh one comment with the summary on the pull request.")]
    public string? GithubPrComment { get; set; }

    [Option("github-pr-number", HelpText = "Pull request number, for CI systems other than GitHub's pull_request runs.")]
    public string? GithubPrNumber { get; set; }

    [Option("gitlab-dotenv-file", HelpText = "GitLab CI: file the outputs are written to, for artifacts:reports:dotenv (relative to CI_PROJECT_DIR).")]
    public string? GitlabDotenvFile { get; set; }

    public string? ValueOf(string name) => name switch
    {
        "command" => Command,
        "artifacts" => Artifacts,
        "working-directory" => WorkingDirectory,
        "version" => Version,
        "build-number" => BuildNumber,
        "release-notes" => ReleaseNotes,
        "release-notes-file" => ReleaseNotesFile,
        "release-notes-from" => ReleaseNotesFrom,
        "channel" => Channel,
        "dry-run" => DryRun,
        "timeout" => Timeout,
        "max-parallel" => MaxParallel,
        "retry-max-attempts" => RetryMaxAttempts,
        "retry-base-delay" => RetryBaseDelay,
        "request-timeout" => RequestTimeout,
        "stall-timeout" => StallTimeout,
        "fenfa-url" => FenfaUrl,
        "fenfa-token" => FenfaToken,
        "fenfa-product" => FenfaProduct,
        "fenfa-product-name" => FenfaProductName,
        "fenfa-variant-id" => FenfaVariantId,
        "fenfa-publish" => FenfaPublish,
        "fenfa-skip-existing" => FenfaSkipExisting,
        "aptoide-repo" => AptoideRepo,
        "aptoide-token" => AptoideToken,
        "aptoide-username" => AptoideUsername,
        "aptoide-password" => AptoidePassword,
        "aptoide-api-url" => AptoideApiUrl,
        "aptoide-category" => AptoideCategory,
        "aptoide-rating" => AptoideRating,
        "aptoide-description" => AptoideDescription,
        "aptoide-only-user-repo" => AptoideOnlyUserRepo,
        "altstore-adp-id" => AltstoreAdpId,
        "altstore-adp-host" => AltstoreAdpHost,
        "altstore-adp-dir" => AltstoreAdpDir,
        "altstore-api-url" => AltstoreApiUrl,
        "altstore-wait" => AltstoreWait,
        "altstore-wait-timeout" => AltstoreWaitTimeout,
        "altstore-source-file" => AltstoreSourceFile,
        "altstore-source-url" => AltstoreSourceUrl,
        "altstore-developer-id" => AltstoreDeveloperId,
        "altstore-email" => AltstoreEmail,
        "altstore-marketplace-id" => AltstoreMarketplaceId,
        "altstore-hosted-url" => AltstoreHostedUrl,
        "apple-key-id" => AppleKeyId,
        "apple-issuer-id" => AppleIssuerId,
        "apple-private-key" => ApplePrivateKey,
        "apple-api-url" => AppleApiUrl,
        "apple-devices" => AppleDevices,
        "apple-devices-file" => AppleDevicesFile,
        "apple-devices-from-fenfa" => AppleDevicesFromFenfa,
        "apple-max-new-devices" => AppleMaxNewDevices,
        "apple-refresh-profiles" => AppleRefreshProfiles,
        "apple-profile-types" => AppleProfileTypes,
        "apple-create-missing-profiles" => AppleCreateMissingProfiles,
        "apple-profiles-include-macs" => AppleProfilesIncludeMacs,
        "github-token" => GithubToken,
        "github-api-url" => GithubApiUrl,
        "github-repository" => GithubRepository,
        "github-release" => GithubRelease,
        "github-release-assets" => GithubReleaseAssets,
        "github-release-checksums" => GithubReleaseChecksums,
        "github-pr-comment" => GithubPrComment,
        "github-pr-number" => GithubPrNumber,
        "gitlab-dotenv-file" => GitlabDotenvFile,
        _ => null,
    };
}
