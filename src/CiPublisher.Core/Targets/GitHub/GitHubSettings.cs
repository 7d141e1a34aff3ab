namespace CiPublisher.Core.Targets.GitHub;

public sealed record GitHubSettings
{
    public required string Token { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://api.github.com");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;
    /// <summary><c>github-repository</c>, else the CI's own repository; parsed at binding.</summary>
    public required RepositoryName Repository { get; init; }
    public bool Release { get; init; }
    public bool PullRequestComment { get; init; }

    /// <summary>Upload the artifacts as assets of the tag's release (<c>github-release-assets</c>).</summary>
    public bool ReleaseAssets { get; init; }

    /// <summary>With the assets, a <c>SHA256SUMS</c> asset listing them all (<c>github-release-checksums</c>).</summary>
    public bool ReleaseChecksums { get; init; } = true;
}
