using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore.Package;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// <c>altstore-adp-host: github-release</c>: every file of the processed ADP, byte for byte, as an asset of the tag's
/// release (created when missing, as the other GitHub writers do). A release is one flat folder, so each file goes under
/// its own name and the source lists them all in <c>assetURLs</c>. Assets already there with the same content are kept.
/// </summary>
public sealed class GitHubReleaseAdpHost(RunScope scope, GitHubSettings github, IGitHubClient client, GitHubAssetsClient assets, ITransferProgress progress,
    SecretRegistry secrets, TimeProvider time, ILogger<GitHubReleaseAdpHost> logger) : IAdpHost
{
    public string Describe(string? version) =>
        $"release {ReleaseTag.For(scope.Context, version)?.Name ?? "(no tag)"} of {github.Repository}";

    public async Task<AdpHostResult> HostAsync(UnpackedAdp package, string? version, CancellationToken cancellationToken)
    {
        secrets.Register(github.Token);
        var repository = github.Repository;
        if (scope.Context.IsPullRequest)
            return new AdpHostResult([], null, "pull-request runs leave releases alone, so the ADP has nowhere to go");
        if (ReleaseTag.For(scope.Context, version) is not { } tag)
            return new AdpHostResult([], null, "not a tag build and no version known, so there is no release to put the ADP on");
        var sameName = package.Files.GroupBy(f => PackagePath.FileName(f.RelativePath)).FirstOrDefault(g => g.Count() > 1);
        if (sameName is not null)
            return new AdpHostResult([], null, $"{string.Join(" and ", sameName.Select(f => f.RelativePath))} would be one asset on a release");

        try
        {
            if (await assets.IsPrivateAsync(repository, cancellationToken))
                return new AdpHostResult([], null, $"{repository} is private: AltStore could not download its release assets without signing in");
            var gateway = new GitHubGateway(repository, time, secrets, logger);
            var release = await new ReleaseWriter(client, gateway, repository, time).EnsureAsync(tag, scope.Context.Sha, cancellationToken);
            var existing = await assets.ListAsync(repository, release.Id, cancellationToken);
            var prefix = await PrefixAsync(repository, package, existing, cancellationToken);
            var publisher = new ReleaseAssetPublisher(assets, repository, scope.Http, progress, time, logger);
            var items = new List<ItemResult>();
            var urls = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in package.Files)
            {
                var name = $"{tag.Name}: {file.RelativePath}";
                var assetName = file.RelativePath is AdpPackage.ManifestName or AdpPackage.SignatureName
                    ? prefix + file.RelativePath
                    : PackagePath.FileName(file.RelativePath);
                try
                {
                    var published = await publisher.PublishAsync(
                        new ReleaseFile(package.PathOf(file), assetName, file.Size, file.Sha256, "application/octet-stream"),
                        release.Id, release.UploadUrl, existing, new Dictionary<string, string>(), cancellationToken);
                    items.Add(published.Item with { Name = name });
                    if (published.Asset?.BrowserDownloadUrl is { } url) urls[file.RelativePath] = url;
                }
                catch (RemoteServiceException failure)
                {
                    logger.LogError("GitHub: {File}: {Reason}", name, failure.Message);
                    items.Add(new ItemResult { Name = name, Outcome = Outcome.Failed, Reason = secrets.Redact(failure.Message) });
                }
            }
            return urls.Count == package.Files.Count
                ? new AdpHostResult(items, urls)
                : new AdpHostResult(items, null, $"{package.Files.Count - urls.Count} of {package.Files.Count} files of the ADP are not on the release");
        }
        catch (RemoteServiceException failure)
        {
            logger.LogError("GitHub: hosting the ADP on {Tag}: {Reason}", tag.Name, failure.Message);
            return new AdpHostResult([], null, secrets.Redact(failure.Message));
        }
    }

    /// <summary>
    /// Variants and deltas are named by their unique IDs; <c>manifest.json</c> and <c>signature</c> are not. When the
    /// release already has a <c>manifest.json</c> that is not this app's (another app of the same tag, a file of the
    /// user's), ours go under the bundle ID (<c>&lt;bundle ID&gt;-manifest.json</c>) instead of replacing it: assetURLs
    /// name every file, so AltStore finds them by any name. A manifest of the same app is a renewed package: replaced.
    /// </summary>
    private async Task<string> PrefixAsync(RepositoryName repository, UnpackedAdp package, IReadOnlyList<GitHubAsset> existing,
        CancellationToken cancellationToken)
    {
        var ours = package.ManifestFile;
        if (existing.FirstOrDefault(a => a.Name == AdpPackage.ManifestName && a.IsUploaded) is not { } there
            || there.Sha256 == ours.Sha256)
            return "";
        var app = package.Manifest.BundleId ?? package.Manifest.AppleItemId ?? "adp";
        try
        {
            var theirs = AdpManifest.Parse(System.Text.Encoding.UTF8.GetBytes(await assets.DownloadTextAsync(repository, there, cancellationToken)));
            if (theirs.BundleId == package.Manifest.BundleId) return "";
        }
        catch (AdpPackageException)
        {
            // Not an ADP's manifest at all: a file of the user's, not ours to replace.
        }
        logger.LogInformation("GitHub: the release's manifest.json belongs to something else; this ADP's goes under {Name}", $"{app}-manifest.json");
        return $"{app}-";
    }
}
