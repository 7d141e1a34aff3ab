using System.Net;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>Release assets: listed with GitHub's digests, uploaded as a stream to the release's upload host, renamed, deleted.</summary>
public sealed class GitHubAssetsClient(IGitHubAssetsApi api, SecretRegistry secrets)
{
    private const int MaxSumsReads = 5;

    public async Task<IReadOnlyList<GitHubAsset>> ListAsync(RepositoryName repository, long releaseId, CancellationToken cancellationToken)
    {
        var all = new List<GitHubAsset>();
        for (var page = 1; ; page++)
        {
            var assets = await GitHubAnswers.ReadAsync<List<GitHubAsset>>(
                await CallAsync(() => api.ListAssets(repository.Owner, repository.Name, releaseId, IGitHubAssetsApi.MaxPageSize, page, cancellationToken)),
                "list the release's assets", secrets, cancellationToken);
            all.AddRange(assets);
            if (assets.Count < IGitHubAssetsApi.MaxPageSize) return all;
        }
    }

    /// <summary>
    /// The release's assets with the text of its <c>SHA256SUMS</c> ("" when it has none), read together. Jobs of a matrix
    /// replace the file at once, so one listed may be gone when it is read (404): then both are read again, a few times.
    /// </summary>
    public async Task<AssetListing> ListWithSumsAsync(RepositoryName repository, long releaseId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var all = await ListAsync(repository, releaseId, cancellationToken);
            if (all.FirstOrDefault(a => a.Name == Sha256Sums.FileName && a.IsUploaded) is not { } sums) return new AssetListing(all, null, "");
            try
            {
                return new AssetListing(all, sums, await DownloadTextAsync(repository, sums, cancellationToken));
            }
            catch (RemoteServiceException gone) when (gone.StatusCode == (int)HttpStatusCode.NotFound && attempt < MaxSumsReads)
            {
            }
        }
    }

    /// <summary>Whether the repository is private: GitHub then shows its release assets to signed-in readers only.</summary>
    public async Task<bool> IsPrivateAsync(RepositoryName repository, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.GetRepository(repository.Owner, repository.Name, cancellationToken));
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw GitHubAnswers.Failure(response, "read the repository", body, secrets);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return !json.RootElement.TryGetProperty("private", out var isPrivate) || isPrivate.ValueKind != System.Text.Json.JsonValueKind.False;
    }

    /// <summary>
    /// Streams <paramref name="content"/> to the release's <c>upload_url</c>. A transfer: never re-sent by the resilience
    /// handler (the caller asks whether it landed first) and bounded by the content's stall watchdog, not a timeout.
    /// </summary>
    public async Task<GitHubAsset> UploadAsync(string uploadUrl, string name, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadTarget(uploadUrl, name)) { Content = content };
        request.Options.Set(RequestMarks.Transfer, true);
        return await GitHubAnswers.ReadAsync<GitHubAsset>(await CallAsync(() => api.Client.SendAsync(request, cancellationToken)),
            $"upload {name}", secrets, cancellationToken);
    }

    public async Task<GitHubAsset> RenameAsync(RepositoryName repository, long assetId, string name, CancellationToken cancellationToken) =>
        await GitHubAnswers.ReadAsync<GitHubAsset>(
            await CallAsync(() => api.RenameAsset(repository.Owner, repository.Name, assetId, new GitHubAssetRename(name), cancellationToken)),
            $"rename an asset to {name}", secrets, cancellationToken);

    /// <summary>Deletes the asset; one already gone is fine.</summary>
    public async Task DeleteAsync(RepositoryName repository, GitHubAsset asset, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => api.DeleteAsset(repository.Owner, repository.Name, asset.Id, cancellationToken));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return;
        }
        await GitHubAnswers.EnsureOkAsync(response, $"delete the asset {asset.Name}", secrets, cancellationToken);
    }

    public async Task<string> DownloadTextAsync(RepositoryName repository, GitHubAsset asset, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(() => api.DownloadAsset(repository.Owner, repository.Name, asset.Id, cancellationToken));
        if (!response.IsSuccessStatusCode)
            throw GitHubAnswers.Failure(response, $"download {asset.Name}", await response.Content.ReadAsStringAsync(cancellationToken), secrets);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// The upload host GitHub names: the API's own host (GitHub Enterprise, an emulator) or, for api.github.com,
    /// uploads.github.com. The token goes wherever the request goes, so no other host is accepted.
    /// </summary>
    private Uri UploadTarget(string uploadUrl, string name)
    {
        var template = uploadUrl.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0 ? uploadUrl[..brace] : uploadUrl;
        if (!Uri.TryCreate(template, UriKind.Absolute, out var target))
            throw new RemoteServiceException(GitHubGateway.Service, RemoteFailureKind.Server, $"GitHub gave an upload URL that is not one: '{uploadUrl}'");
        var home = api.Client.BaseAddress!;
        var sameHost = string.Equals(target.Host, home.Host, StringComparison.OrdinalIgnoreCase) && target.Scheme == home.Scheme;
        var githubCom = home.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase)
                        && target.Host.Equals("uploads.github.com", StringComparison.OrdinalIgnoreCase) && target.Scheme == Uri.UriSchemeHttps;
        if (!sameHost && !githubCom)
            throw new RemoteServiceException(GitHubGateway.Service, RemoteFailureKind.Server,
                $"GitHub gave an upload host ({target.Host}) that is neither its API host nor uploads.github.com; not sending the token there");
        return new Uri($"{target.AbsoluteUri}?name={Uri.EscapeDataString(name)}");
    }

    private Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> send) => ServiceCall.SendAsync(GitHubGateway.Service, send, secrets);
}
