using System.Globalization;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// One file as a release asset. Kept when the asset there has the same content (GitHub's digest, else the size and
/// the line of SHA256SUMS); otherwise streamed from disk with SHA-256 on the read path, asking whether an unclear
/// attempt landed before sending again. A different file of the same name is replaced without a gap: the new one is
/// uploaded under a temporary name, the old one deleted, the new one renamed.
/// </summary>
public sealed class ReleaseAssetPublisher(GitHubAssetsClient assets, RepositoryName repository, HttpSettings http,
    ITransferProgress progress, TimeProvider time, ILogger logger)
{
    public sealed record Published(ItemResult Item, GitHubAsset? Asset, string? Sha256);

    public async Task<Published> PublishAsync(ReleaseFile file, long releaseId, string uploadUrl, IReadOnlyList<GitHubAsset> existing,
        IReadOnlyDictionary<string, string> listedSums, CancellationToken cancellationToken)
    {
        var name = ReleaseAssetName.For(file.FileName);
        var current = existing.FirstOrDefault(a => a.Name == name && a.IsUploaded);
        string? sha256 = null;
        if (current is not null)
        {
            sha256 = file.Sha256 ?? await ArtifactHasher.ComputeSha256Async(file.Path, cancellationToken);
            if (IsSameFile(current, sha256, file.SizeBytes, listedSums))
            {
                logger.LogInformation("GitHub: {Asset} is already on the release with the same content; kept", name);
                return new Published(Item(file, name, Outcome.AlreadyDone, "already there with the same content", current, sha256), current, sha256);
            }
        }
        // Broken uploads of earlier runs hold the name until deleted.
        var uploadName = current is null ? name : name + ReleaseAssetName.Replacing;
        foreach (var broken in existing.Where(a => (a.Name == uploadName && !a.IsUploaded) || a.Name == name + ReleaseAssetName.Replacing))
            await assets.DeleteAsync(repository, broken, cancellationToken);

        var (uploaded, sent) = await UploadAsync(file, releaseId, uploadName, uploadUrl, cancellationToken);
        if (current is null)
            return new Published(Item(file, name, Outcome.Succeeded, "uploaded", uploaded, sent), uploaded, sent);

        await assets.DeleteAsync(repository, current, cancellationToken);
        var renamed = await assets.RenameAsync(repository, uploaded.Id, name, cancellationToken);
        logger.LogInformation("GitHub: {Asset} had different content on the release; replaced", name);
        return new Published(Item(file, name, Outcome.Succeeded, "replaced: the asset of that name had different content", renamed, sent),
            renamed, sent);
    }

    private async Task<(GitHubAsset Asset, string Sha256)> UploadAsync(ReleaseFile file, long releaseId, string uploadName,
        string uploadUrl, CancellationToken cancellationToken)
    {
        using var upload = new StreamedUpload(file.Path, uploadName, file.MediaType, http, progress, time);
        var asset = await LandedCheck.SendAsync(new Write<GitHubAsset>
        {
            Send = ct => assets.UploadAsync(uploadUrl, uploadName, upload.NextAttempt(ct), upload.Token),
            MayHaveLanded = e => StreamedUpload.MayHaveLanded(e, cancellationToken),
            FindLanded = async (e, ct) =>
            {
                logger.LogWarning("GitHub: upload of {Asset} ended without a clear answer ({Why}); checking whether it landed", uploadName, upload.Why(e));
                var there = (await assets.ListAsync(repository, releaseId, ct)).Where(a => a.Name == uploadName).ToList();
                var sentSha256 = upload.Content?.Sha256;
                if (there.FirstOrDefault(a => a.IsUploaded && a.Size == file.SizeBytes
                                              && (a.Sha256 is null || sentSha256 is null || a.Sha256 == sentSha256)) is { } landed)
                    return landed;
                foreach (var broken in there) await assets.DeleteAsync(repository, broken, ct);
                return null;
            },
            MaxAttempts = http.MaxRetries + 1,
            Delay = upload.PauseBefore,
            BeforeSendingAgain = (next, delay) => logger.LogWarning("GitHub: it did not land; sending {Asset} again in {Delay:0.#}s (attempt {Next})",
                uploadName, delay.TotalSeconds, next),
            GiveUp = (attempts, e) => new RemoteServiceException(GitHubGateway.Service, RemoteFailureKind.Transport,
                $"uploading {uploadName} failed {attempts} times; last: {upload.Why(e)}", inner: e),
        }, time, cancellationToken);
        return (asset, upload.Content?.Sha256 ?? asset.Sha256 ?? file.Sha256 ?? await ArtifactHasher.ComputeSha256Async(file.Path, cancellationToken));
    }

    private static bool IsSameFile(GitHubAsset asset, string sha256, long size, IReadOnlyDictionary<string, string> listedSums) =>
        asset.Sha256 is { } digest
            ? digest == sha256
            : asset.Size == size && listedSums.GetValueOrDefault(asset.Name) == sha256;

    private static ItemResult Item(ReleaseFile file, string name, Outcome outcome, string reason, GitHubAsset asset, string? sha256) => new()
    {
        Name = file.FileName, Outcome = outcome, Reason = reason,
        Published = new Publication { Sha256 = sha256, DownloadUrl = asset.BrowserDownloadUrl },
        Facts = new Dictionary<string, string> { ["asset"] = name, ["size"] = asset.Size.ToString(CultureInfo.InvariantCulture) },
    };
}
