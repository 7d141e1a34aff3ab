using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>The inputs of the GitHub release, release assets and pull-request comment.</summary>
public static class GitHubInputs
{
    public static InputDeclaration Token { get; } = new("github-token", InputKind.Text,
        "Token for the GitHub API.") { Secret = true };

    public static InputDeclaration ApiUrl { get; } = new("github-api-url", InputKind.Url,
        "GitHub API base URL (default: GITHUB_API_URL, else https://api.github.com).");

    public static InputDeclaration Repository { get; } = new("github-repository", InputKind.Text,
        "owner/name (default: GITHUB_REPOSITORY).");

    public static InputDeclaration Release { get; } = new("github-release", InputKind.Bool,
        "Add or refresh a distribution section in the GitHub release of the tag.") { Default = "false" };

    public static InputDeclaration ReleaseAssets { get; } = new("github-release-assets", InputKind.Bool,
        "Upload the artifacts as assets of the tag's release (created when missing); an asset already there with the same content is kept.") { Default = "false" };

    public static InputDeclaration ReleaseChecksums { get; } = new("github-release-checksums", InputKind.Bool,
        "With github-release-assets: also a SHA256SUMS asset listing every asset's SHA-256.") { Default = "true" };

    public static InputDeclaration PrComment { get; } = new("github-pr-comment", InputKind.Bool,
        "Add or refresh one comment with the summary on the pull request.") { Default = "false" };

    public static InputGroup Group { get; } = new("GitHub", [Token, ApiUrl, Repository, Release, ReleaseAssets, ReleaseChecksums, PrComment]);
}
