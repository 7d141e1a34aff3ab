using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// The artifacts as assets of the tag's release (<c>github-release-assets</c>), created when missing as the release
/// section does, and <c>SHA256SUMS</c> listing every asset (<c>github-release-checksums</c>).
/// </summary>
public sealed class GitHubAssetsTarget(RunScope scope, GitHubSettings github, IGitHubClient client, GitHubAssetsClient assets, CallMeter calls,
    ITransferProgress progress, SecretRegistry secrets, TimeProvider time, ILogger<GitHubAssetsTarget> logger) : IDownloadLinkProvider
{
    public const string AssetsOutput = "release-assets";

    public int DownloadLinkRank => 1;

    public string Name => "GitHub release assets";

    public bool IsEnabled => github.ReleaseAssets;

    public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        secrets.Register(github.Token);
        var repository = github.Repository;
        if (scope.Context.IsPullRequest)
            return TargetResult.Skipped(Name, "pull-request runs leave releases alone (their merge commit is on no branch)");
        var version = scope.Version ?? artifacts.Items.Select(a => a.Version).FirstOrDefault(v => v is not null);
        if (ReleaseTag.For(scope.Context, version) is not { } tag)
            return TargetResult.Skipped(Name, "not a tag build and no version known, so there is no release to upload to");
        if (artifacts.Items.Count == 0) return TargetResult.Skipped(Name, "no artifact to upload");
        if (scope.DryRun)
        {
            return TargetResult.Skipped(Name, $"dry run: would upload to release {tag.Name}") with
            {
                Items = [.. artifacts.Items.Select(a => new ItemResult
                {
                    Name = a.FileName, Outcome = Outcome.Skipped, Reason = $"dry run: would upload as {ReleaseAssetName.For(a.FileName)}",
                })],
            };
        }

        try
        {
            return await UploadAsync(repository, tag, artifacts, cancellationToken);
        }
        catch (RemoteServiceException e)
        {
            logger.LogError("GitHub: release {Tag}: {Reason}", tag.Name, e.Message);
            return TargetResult.Failed(Name, e.Message) with { Figures = Figures() };
        }
    }

    private async Task<TargetResult> UploadAsync(RepositoryName repository, ReleaseTag tag, ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var gateway = new GitHubGateway(repository, time, secrets, logger);
        var release = await new ReleaseWriter(client, gateway, repository, time).EnsureAsync(tag, scope.Context.Sha, cancellationToken);
        var (existing, _, sumsText) = await assets.ListWithSumsAsync(repository, release.Id, cancellationToken);
        var listedSums = Sha256Sums.Parse(sumsText);

        var publisher = new ReleaseAssetPublisher(assets, repository, scope.Http, progress, time, logger);
        var published = new List<ReleaseAssetPublisher.Published>();
        foreach (var artifact in artifacts.Items)
        {
            try
            {
                published.Add(await publisher.PublishAsync(ReleaseFile.Of(artifact), release.Id, release.UploadUrl, existing, listedSums, cancellationToken));
            }
            catch (RemoteServiceException e)
            {
                logger.LogError("GitHub: {File}: {Reason}", artifact.FileName, e.Message);
                published.Add(new(new ItemResult { Name = artifact.FileName, Outcome = Outcome.Failed, Reason = e.Message }, null, null));
            }
        }

        var items = published.Select(p => p.Item).ToList();
        if (github.ReleaseChecksums)
        {
            var ours = published.Where(p => p is { Asset: not null, Sha256: not null })
                .ToDictionary(p => p.Asset!.Name, p => p.Sha256!, StringComparer.Ordinal);
            items.Add(await new ChecksumsAssetWriter(assets, repository, time, logger).WriteAsync(release.Id, release.UploadUrl, ours, cancellationToken));
        }
        foreach (var item in items) logger.LogInformation("GitHub: {Item}: {Outcome} {Reason}", item.Name, item.Outcome, item.Reason);

        var failed = items.Count(i => i.Outcome == Outcome.Failed);
        return new TargetResult
        {
            Target = Name,
            Outcome = TargetResult.Combine(items),
            Reason = failed > 0 ? $"{failed} asset(s) failed" : null,
            Items = items,
            Outputs = new Dictionary<string, string> { [AssetsOutput] = ReportJson.Serialize(Entries(published)) },
            Figures = Figures(),
        };
    }

    private static List<Dictionary<string, string>> Entries(IEnumerable<ReleaseAssetPublisher.Published> published) =>
        [.. published.Where(p => p.Asset is not null).Select(p => new Dictionary<string, string>
        {
            ["name"] = p.Asset!.Name,
            ["url"] = p.Asset.BrowserDownloadUrl ?? "",
            ["size"] = p.Asset.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sha256"] = p.Sha256 ?? "",
        })];

    private Dictionary<string, string> Figures() => new() { [CallMeter.FigureName] = calls.Figure(GitHubGateway.Service) };
}
