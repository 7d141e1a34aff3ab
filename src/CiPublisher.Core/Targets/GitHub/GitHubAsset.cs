using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// A release asset as the REST API describes it. Read without Octokit: its model has no <c>digest</c> and an
/// <c>int</c> size, too small for the 4 GB files a release may hold.
/// </summary>
public sealed record GitHubAsset
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>"uploaded"; anything else ("starter", "new") is an upload that never completed.</summary>
    [JsonPropertyName("state")] public string? State { get; init; }

    [JsonPropertyName("size")] public long Size { get; init; }

    /// <summary>"sha256:&lt;hex&gt;", computed by GitHub; absent on older servers.</summary>
    [JsonPropertyName("digest")] public string? Digest { get; init; }

    [JsonPropertyName("browser_download_url")] public string? BrowserDownloadUrl { get; init; }

    public bool IsUploaded => State == "uploaded";

    /// <summary>The hex SHA-256 GitHub states for the asset, or null.</summary>
    public string? Sha256 => Digest is { } digest && digest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? digest[7..].ToLowerInvariant() : null;
}

public sealed record GitHubAssetRename([property: JsonPropertyName("name")] string Name);
