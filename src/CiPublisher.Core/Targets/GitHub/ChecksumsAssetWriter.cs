using System.Text;
using CiPublisher.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Keeps <c>SHA256SUMS</c> listing every asset of the release. Jobs of a matrix write it at once, so each writes the
/// file for the assets it sees, reads it back, and writes again while it lacks an asset that has appeared (bounded,
/// with backoff on the injected clock), as the release section does.
/// </summary>
public sealed class ChecksumsAssetWriter(GitHubAssetsClient assets, RepositoryName repository, TimeProvider time, ILogger logger)
{
    private const int MaxRounds = 5;
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(500);

    public async Task<ItemResult> WriteAsync(long releaseId, string uploadUrl, IReadOnlyDictionary<string, string> ours,
        CancellationToken cancellationToken)
    {
        var wrote = false;
        for (var round = 1; ; round++)
        {
            var (all, current, text) = await assets.ListWithSumsAsync(repository, releaseId, cancellationToken);
            var wanted = Sha256Sums.For(all, ours, Sha256Sums.Parse(text));
            if (current is not null && text == wanted)
                return Item(wrote ? Outcome.Succeeded : Outcome.AlreadyDone, wrote ? "written" : "already lists every asset", wanted);
            if (round > MaxRounds)
                return Item(Outcome.Failed, $"other jobs kept replacing it; after {MaxRounds} rounds it does not list every asset", wanted);

            if (round > 1) await Task.Delay(Backoff * round * (0.5 + Random.Shared.NextDouble()), time, cancellationToken);
            try
            {
                await ReplaceAsync(releaseId, uploadUrl, all, current, wanted, cancellationToken);
                wrote = true;
            }
            catch (Http.RemoteServiceException clash) when (clash.Code == "already_exists")
            {
                logger.LogInformation("GitHub: another job wrote {File} at the same time; merging again", Sha256Sums.FileName);
            }
        }
    }

    /// <summary>Without a gap: the new file under a name of its own, then the old one deleted, then the new one renamed.</summary>
    private async Task ReplaceAsync(long releaseId, string uploadUrl, IReadOnlyList<GitHubAsset> all, GitHubAsset? current, string wanted,
        CancellationToken cancellationToken)
    {
        var content = () => new ByteArrayContent(Encoding.UTF8.GetBytes(wanted)) { Headers = { ContentType = new("text/plain") } };
        if (current is null)
        {
            await assets.UploadAsync(uploadUrl, Sha256Sums.FileName, content(), cancellationToken);
            return;
        }
        var temporary = $"{Sha256Sums.FileName}.{Guid.NewGuid():N}";
        foreach (var broken in all.Where(a => a.Name == Sha256Sums.FileName && !a.IsUploaded)) await assets.DeleteAsync(repository, broken, cancellationToken);
        var uploaded = await assets.UploadAsync(uploadUrl, temporary, content(), cancellationToken);
        await assets.DeleteAsync(repository, current, cancellationToken);
        try
        {
            await assets.RenameAsync(repository, uploaded.Id, Sha256Sums.FileName, cancellationToken);
        }
        catch (Http.RemoteServiceException)
        {
            await assets.DeleteAsync(repository, uploaded, cancellationToken);
            throw;
        }
    }

    private static ItemResult Item(Outcome outcome, string reason, string text) => new()
    {
        Name = Sha256Sums.FileName, Outcome = outcome, Reason = reason,
        Facts = new Dictionary<string, string> { ["files"] = text.Count(c => c == '\n').ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
