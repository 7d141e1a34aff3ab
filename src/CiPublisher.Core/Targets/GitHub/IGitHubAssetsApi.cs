using Refit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>The release-asset calls of the GitHub REST API; the upload goes to the release's own <c>upload_url</c>.</summary>
public interface IGitHubAssetsApi
{
    /// <summary>GitHub's largest page.</summary>
    public const int MaxPageSize = 100;

    HttpClient Client { get; }

    [Get("/repos/{owner}/{repo}")]
    Task<HttpResponseMessage> GetRepository(string owner, string repo, CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/releases/{releaseId}/assets")]
    Task<HttpResponseMessage> ListAssets(string owner, string repo, long releaseId, [AliasAs("per_page")] int perPage, int page,
        CancellationToken cancellationToken);

    [Get("/repos/{owner}/{repo}/releases/assets/{assetId}")]
    [Headers("Accept: application/octet-stream")]
    Task<HttpResponseMessage> DownloadAsset(string owner, string repo, long assetId, CancellationToken cancellationToken);

    [Patch("/repos/{owner}/{repo}/releases/assets/{assetId}")]
    Task<HttpResponseMessage> RenameAsset(string owner, string repo, long assetId, [Body] GitHubAssetRename rename, CancellationToken cancellationToken);

    [Delete("/repos/{owner}/{repo}/releases/assets/{assetId}")]
    Task<HttpResponseMessage> DeleteAsset(string owner, string repo, long assetId, CancellationToken cancellationToken);
}
