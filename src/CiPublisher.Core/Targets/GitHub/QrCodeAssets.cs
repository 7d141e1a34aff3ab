using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// QR codes of each artifact's install page (else its download link), hosted as release assets so that the summary
/// can show them as images a phone camera scans. A private repository's assets are shown to signed-in readers only,
/// so there the links stay links and no code is uploaded.
/// </summary>
public sealed class QrCodeAssets(GitHubAssetsClient assets, RepositoryName repository, HttpSettings http, ITransferProgress progress,
    TimeProvider time, ILogger logger)
{
    private const string Prefix = "qr-";

    public static bool IsQrCode(string assetName) =>
        assetName.StartsWith(Prefix, StringComparison.Ordinal) && assetName.EndsWith(".png", StringComparison.Ordinal);

    public async Task<IReadOnlyList<ItemResult>> PublishAsync(RunReport report, long releaseId, string uploadUrl, CancellationToken cancellationToken)
    {
        var wanted = report.Artifacts
            .Select(a => (Artifact: a, Link: LinkOf(report, a.FileName)))
            .Where(w => w.Link is not null)
            .ToList();
        if (wanted.Count == 0) return [];
        if (await assets.IsPrivateAsync(repository, cancellationToken))
            return [new ItemResult { Name = "QR codes", Outcome = Outcome.Skipped, Reason = "private repository: release assets show to signed-in readers only, so the summary keeps plain links" }];

        var existing = await assets.ListAsync(repository, releaseId, cancellationToken);
        var publisher = new ReleaseAssetPublisher(assets, repository, http, progress, time, logger);
        var folder = Directory.CreateTempSubdirectory("cipublisher-qr-");
        try
        {
            var items = new List<ItemResult>();
            foreach (var (artifact, link) in wanted)
            {
                var name = $"{Prefix}{ReleaseAssetName.For(artifact.FileName)}.png";
                var path = Path.Combine(folder.FullName, name);
                var png = QrCode.Png(link!);
                await File.WriteAllBytesAsync(path, png, cancellationToken);
                var code = new ReleaseFile(path, name, png.Length, Sha256: null, "image/png");
                var published = await publisher.PublishAsync(code, releaseId, uploadUrl, existing, new Dictionary<string, string>(), cancellationToken);
                items.Add(published.Item with
                {
                    Name = $"QR code of {artifact.FileName}",
                    Reason = $"{published.Item.Reason}: {link}",
                    Published = null,
                    QrCode = published.Asset?.BrowserDownloadUrl is { } url ? new QrCodeImage(artifact.FileName, url) : null,
                    Facts = new Dictionary<string, string>(),
                });
            }
            return items;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The install page a tester opens, else a download link: what the code should open.</summary>
    private static string? LinkOf(RunReport report, string fileName)
    {
        var published = report.Targets.SelectMany(t => t.Items).Where(i => i.Name == fileName && !i.NotForThisTarget)
            .Select(i => i.Published).OfType<Publication>().ToList();
        return published.Select(p => p.PageUrl).FirstOrDefault(u => u is not null)
               ?? published.Select(p => p.DownloadUrl).FirstOrDefault(u => u?.StartsWith("http", StringComparison.Ordinal) == true);
    }
}
