using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.GitHub;

/// <summary>
/// Release assets as GitHub serves them: uploaded to the release's <c>upload_url</c> (here under <c>/uploads</c>, as
/// GitHub Enterprise serves its upload host), listed with <c>size</c> and GitHub's <c>digest</c>, refused with 422
/// <c>already_exists</c> for a name taken, renamed by PATCH, deleted, and downloaded with
/// <c>Accept: application/octet-stream</c>. An upload whose body breaks off leaves a "starter" asset, as GitHub does.
/// </summary>
public sealed partial class GitHubEmulator
{
    private readonly List<EmulatedAsset> _assets = [];
    private readonly string _assetDirectory = Directory.CreateTempSubdirectory("github-emulator-assets-").FullName;

    public IReadOnlyList<EmulatedAsset> Assets(string repository, string tag)
    {
        lock (_gate)
        {
            var release = _releases.FirstOrDefault(r => Same(r.Repository, repository) && r.TagName == tag);
            return release is null ? [] : AssetsOf(release.Id);
        }
    }

    public byte[] AssetBytes(EmulatedAsset asset) => File.ReadAllBytes(asset.Path);

    /// <summary>An asset put there by someone else (another job, a hand upload); <paramref name="digest"/> false as older servers.</summary>
    public EmulatedAsset SeedAsset(EmulatedRelease release, string name, byte[] content, bool digest = true, string state = "uploaded")
    {
        var path = Path.Combine(_assetDirectory, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        lock (_gate)
        {
            var asset = new EmulatedAsset
            {
                Id = ++_nextId, ReleaseId = release.Id, Name = name, ContentType = "application/octet-stream", Size = content.Length,
                Digest = digest && state == "uploaded" ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content)) : null,
                State = state, Path = path, CreatedAt = Time.GetUtcNow(),
            };
            _assets.Add(asset);
            return asset;
        }
    }

    private void MapAssets(WebApplication app)
    {
        app.MapPost("/uploads/repos/{owner}/{repo}/releases/{id:long}/assets", UploadAsync);
        app.MapGet("/repos/{owner}/{repo}/releases/{id:long}/assets", ListAssets);
        app.MapGet("/repos/{owner}/{repo}/releases/assets/{assetId:long}", GetAsset);
        app.MapPatch("/repos/{owner}/{repo}/releases/assets/{assetId:long}", RenameAssetAsync);
        app.MapDelete("/repos/{owner}/{repo}/releases/assets/{assetId:long}", DeleteAsset);
        app.MapGet("/{owner}/{repo}/releases/download/{tag}/{name}", BrowserDownload);
        app.MapGet("/storage/releases/{assetId:long}", StoredAsset);
    }

    private static bool IsWebPath(string path) =>
        path.StartsWith("/storage/", StringComparison.Ordinal)
        || (!path.StartsWith("/repos/", StringComparison.Ordinal) && path.Contains("/releases/download/", StringComparison.Ordinal));

    /// <summary>
    /// An asset's <c>browser_download_url</c>, as github.com answers it without signing in: a redirect to the file's
    /// storage for an uploaded asset of a public repository, 404 otherwise (a private repository's assets need a session).
    /// </summary>
    private IResult BrowserDownload(string owner, string repo, string tag, string name)
    {
        lock (_gate)
        {
            var repository = $"{owner}/{repo}";
            var release = _releases.FirstOrDefault(r => Same(r.Repository, repository) && r.TagName == tag && !r.Draft);
            if (release is null || PrivateRepositories.Contains(repository)
                || AssetsOf(release.Id).FirstOrDefault(a => a.Name == name && a.State == "uploaded") is not { } asset)
                return Results.Text("Not Found", "text/plain", statusCode: 404);
            return Results.Redirect($"/storage/releases/{asset.Id}", permanent: false);
        }
    }

    private IResult StoredAsset(long assetId)
    {
        lock (_gate)
        {
            return _assets.Find(a => a.Id == assetId && a.State == "uploaded") is { } asset
                ? Results.File(asset.Path, asset.ContentType)
                : Results.Text("Not Found", "text/plain", statusCode: 404);
        }
    }

    // Called with _gate held.
    private List<EmulatedAsset> AssetsOf(long releaseId) => [.. _assets.Where(a => a.ReleaseId == releaseId).OrderBy(a => a.Id)];

    private async Task<IResult> UploadAsync(string owner, string repo, long id, HttpContext context)
    {
        var repository = $"{owner}/{repo}";
        var request = context.Request;
        var name = request.Query["name"].ToString();
        lock (_gate)
        {
            if (!_repositories.Contains(repository) || !_releases.Exists(r => r.Id == id && Same(r.Repository, repository))) return NotFound();
            if (Denied("contents", "contents=write") is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(name)) return Invalid("ReleaseAsset", "missing_field", "name");
            if (_assets.Exists(a => a.ReleaseId == id && a.Name == name)) return Invalid("ReleaseAsset", "already_exists", "name");
        }
        if (string.IsNullOrEmpty(request.ContentType))
            return Results.Text(GitHubErrorBody.Of("Bad Content-Type header value: ''", Docs), "application/json", statusCode: 400);

        var path = Path.Combine(_assetDirectory, Guid.NewGuid().ToString("N"));
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var complete = false;
        try
        {
            await using var file = File.Create(path);
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                size += read;
            }
            complete = size == request.ContentLength;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            complete = false;
        }

        lock (_gate)
        {
            // Checked again now the body is in: two uploads of one name at once end with one asset and one 422, as on GitHub.
            if (_assets.Exists(a => a.ReleaseId == id && a.Name == name))
            {
                File.Delete(path);
                return Invalid("ReleaseAsset", "already_exists", "name");
            }
            var asset = new EmulatedAsset
            {
                Id = ++_nextId, ReleaseId = id, Name = name, Label = request.Query["label"].ToString() is { Length: > 0 } label ? label : null,
                ContentType = request.ContentType, Size = size, Digest = complete ? "sha256:" + Convert.ToHexStringLower(sha256.GetHashAndReset()) : null,
                State = complete ? "uploaded" : "starter", Path = path, CreatedAt = Time.GetUtcNow(),
            };
            _assets.Add(asset);
            return complete ? Results.Json(AssetJson(asset), statusCode: 201) : Results.StatusCode(400);
        }
    }

    private IResult ListAssets(string owner, string repo, long id, HttpContext context)
    {
        var repository = $"{owner}/{repo}";
        lock (_gate)
        {
            if (!_repositories.Contains(repository) || !_releases.Exists(r => r.Id == id && Same(r.Repository, repository))) return NotFound();
            var perPage = Math.Clamp(int.TryParse(context.Request.Query["per_page"], out var p) ? p : 30, 1, MaxPageSize);
            var page = Math.Max(1, int.TryParse(context.Request.Query["page"], out var n) ? n : 1);
            var all = AssetsOf(id);
            if (page * perPage < all.Count)
                context.Response.Headers.Link = $"<{BaseUrl}repos/{repository}/releases/{id}/assets?per_page={perPage}&page={page + 1}>; rel=\"next\"";
            return Results.Json(all.Skip((page - 1) * perPage).Take(perPage).Select(AssetJson).ToList());
        }
    }

    private IResult GetAsset(string owner, string repo, long assetId, HttpContext context)
    {
        lock (_gate)
        {
            if (_assets.Find(a => a.Id == assetId) is not { } asset || !_repositories.Contains($"{owner}/{repo}")) return NotFound();
            return context.Request.Headers.Accept.ToString().Contains("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                ? Results.File(asset.Path, "application/octet-stream")
                : Results.Json(AssetJson(asset));
        }
    }

    private async Task<IResult> RenameAssetAsync(string owner, string repo, long assetId, HttpRequest request)
    {
        var input = await ReadObjectAsync(request);
        lock (_gate)
        {
            var index = _assets.FindIndex(a => a.Id == assetId);
            if (index < 0 || !_repositories.Contains($"{owner}/{repo}")) return NotFound();
            if (Denied("contents", "contents=write") is { } denied) return denied;
            var name = input?["name"]?.GetValue<string>() ?? _assets[index].Name;
            if (_assets.Exists(a => a.ReleaseId == _assets[index].ReleaseId && a.Name == name && a.Id != assetId))
                return Invalid("ReleaseAsset", "already_exists", "name");
            _assets[index] = _assets[index] with { Name = name };
            return Results.Json(AssetJson(_assets[index]));
        }
    }

    private IResult DeleteAsset(string owner, string repo, long assetId)
    {
        lock (_gate)
        {
            if (!_repositories.Contains($"{owner}/{repo}")) return NotFound();
            if (Denied("contents", "contents=write") is { } denied) return denied;
            return _assets.RemoveAll(a => a.Id == assetId) > 0 ? Results.NoContent() : NotFound();
        }
    }

    // Called with _gate held.
    private Dictionary<string, object?> AssetJson(EmulatedAsset asset)
    {
        var release = _releases.First(r => r.Id == asset.ReleaseId);
        return new Dictionary<string, object?>
        {
            ["id"] = asset.Id,
            ["node_id"] = $"RA_{asset.Id}",
            ["url"] = $"{BaseUrl}repos/{release.Repository}/releases/assets/{asset.Id}",
            ["browser_download_url"] = $"{BaseUrl}{release.Repository}/releases/download/{release.TagName}/{Uri.EscapeDataString(asset.Name)}",
            ["name"] = asset.Name,
            ["label"] = asset.Label,
            ["state"] = asset.State,
            ["content_type"] = asset.ContentType,
            ["size"] = asset.Size,
            ["digest"] = asset.Digest,
            ["download_count"] = 0,
            ["created_at"] = asset.CreatedAt,
            ["updated_at"] = asset.CreatedAt,
            ["uploader"] = User("github-actions[bot]"),
        };
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        if (Directory.Exists(_assetDirectory)) Directory.Delete(_assetDirectory, recursive: true);
    }
}
