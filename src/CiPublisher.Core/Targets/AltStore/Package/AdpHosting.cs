using System.Globalization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>The app and version a run releases, as far as it knows them, to check the ADP against.</summary>
public sealed record ReleaseIdentity(string? BundleId, string? Version, string? Build);

/// <summary>What hosting came to: one item per step or file, and the hosted ADP when every step succeeded.</summary>
public sealed record AdpHostingResult(IReadOnlyList<ItemResult> Items, HostedAdp? Hosted);

/// <summary>
/// The processed ADP from AltStore's expiring link to a place that lasts: downloaded (renewing the link once when it
/// has expired), checked to be the package of the version being released, unpacked unchanged into
/// <c>altstore-adp-dir</c> (or a folder of its own), and put on the <see cref="IAdpHost"/> when
/// <c>altstore-adp-host</c> names one.
/// </summary>
public sealed class AdpHosting(RunScope scope, AltStoreSettings altstore, AdpDownloader downloader, SecretRegistry secrets, ILogger logger, IAdpHost? host)
{
    public async Task<AdpHostingResult> RunAsync(string adpId, string link, Func<CancellationToken, Task<string?>> renewLink,
        ReleaseIdentity expected, CancellationToken cancellationToken)
    {
        var items = new List<ItemResult>();
        var name = $"ADP {adpId} package";
        var zip = Path.Combine(Path.GetTempPath(), $"cipublisher-adp-{Guid.NewGuid():N}.zip");
        var staging = altstore.AdpDir is null ? Path.Combine(Path.GetTempPath(), $"cipublisher-adp-{Guid.NewGuid():N}") : null;
        var folder = staging ?? Path.GetFullPath(altstore.AdpDir!, scope.WorkingDirectory);
        try
        {
            var bytes = await DownloadAsync(link, renewLink, zip, $"ADP {adpId} download", cancellationToken);
            var package = await AdpPackage.UnpackAsync(zip, folder, cancellationToken);
            if (Mismatch(package.Manifest, expected) is { } mismatch)
            {
                items.Add(Item(name, Outcome.Failed, $"ADP {adpId} holds {package.Manifest}, not {mismatch}: check altstore-adp-id"));
                return new AdpHostingResult(items, null);
            }
            items.Add(Item(name, Outcome.Succeeded, $"downloaded {Readable.Size(bytes)}: {Contents(package)}") with
            {
                Facts = new Dictionary<string, string>
                {
                    ["size"] = bytes.ToString(CultureInfo.InvariantCulture),
                    ["files"] = package.Files.Count.ToString(CultureInfo.InvariantCulture),
                },
                Details = [.. package.LeftOut.Select(f => $"left out {f}: not a file of the package")],
            });
            if (staging is null) items.Add(FolderItem(package));

            var manifestUrl = altstore.HostedUrl is { } hostedUrl ? ManifestUrlUnder(hostedUrl) : null;
            IReadOnlyList<KeyValuePair<string, string>> assetUrls = [];
            if (host is not null)
            {
                var hosted = await host.HostAsync(package, expected.Version, cancellationToken);
                items.AddRange(hosted.Items);
                if (hosted.Urls is not { } urls)
                {
                    if (hosted.Failure is { } failure) items.Add(Item($"host on {host.Describe(expected.Version)}", Outcome.Failed, failure));
                    return new AdpHostingResult(items, null);
                }
                manifestUrl = new Uri(urls[AdpPackage.ManifestName]);
                assetUrls = [.. package.Files.Select(f => KeyValuePair.Create(PackagePath.AssetKey(f.RelativePath), urls[f.RelativePath]))];
            }
            return new AdpHostingResult(items, new HostedAdp(package.Manifest, package.VariantSize, manifestUrl, assetUrls));
        }
        catch (RemoteServiceException failure)
        {
            items.Add(Item(name, Outcome.Failed, secrets.Redact(failure.Message)));
        }
        catch (AdpPackageException failure)
        {
            items.Add(Item(name, Outcome.Failed, $"AltStore's download of ADP {adpId} cannot be hosted as it is: {secrets.Redact(failure.Message)}"));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            items.Add(Item(name, Outcome.Failed, $"could not write the ADP to {folder}: {failure.Message}"));
        }
        finally
        {
            if (File.Exists(zip)) File.Delete(zip);
            if (staging is not null && Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return new AdpHostingResult(items, null);
    }

    private async Task<long> DownloadAsync(string link, Func<CancellationToken, Task<string?>> renewLink, string zip, string name,
        CancellationToken cancellationToken)
    {
        try
        {
            return await downloader.DownloadAsync(link, zip, name, cancellationToken);
        }
        catch (RemoteServiceException expired) when (AdpDownloader.IsExpiredLink(expired))
        {
            logger.LogWarning("AltStore: the ADP download link answered HTTP {Status}; asking AltStore to process the ADP again for a new one",
                expired.StatusCode);
            var renewed = await renewLink(cancellationToken)
                          ?? throw new RemoteServiceException(AltStoreGateway.Service, RemoteFailureKind.NotFound,
                              $"{expired.Message}; processing the ADP again gave no new link", expired.StatusCode);
            return await downloader.DownloadAsync(renewed, zip, name, cancellationToken);
        }
    }

    /// <summary>
    /// What the run releases, when the manifest is for something else; null when they agree. What either side does not
    /// say cannot disagree: the manifest's keys are Apple's, and an older package may lack one.
    /// </summary>
    private static string? Mismatch(AdpManifest manifest, ReleaseIdentity expected)
    {
        static bool Same(string? stated, string? released) => stated is null || released is null || stated == released;
        var agrees = Same(manifest.BundleId, expected.BundleId) && Same(manifest.ShortVersion, expected.Version)
                     && Same(manifest.BundleVersion, expected.Build);
        return agrees ? null : $"{expected.BundleId ?? manifest.BundleId} {expected.Version ?? manifest.ShortVersion} ({expected.Build ?? manifest.BundleVersion})";
    }

    private ItemResult FolderItem(UnpackedAdp package)
    {
        var kept = package.Files.Count(f => f.WasThere);
        return Item($"folder {package.Folder}", Outcome.Succeeded, kept == package.Files.Count
            ? $"all {kept} files were already there unchanged"
            : $"unpacked {package.Files.Count - kept} of {package.Files.Count} files ({kept} already there unchanged)") with
        {
            Facts = new Dictionary<string, string> { ["path"] = package.Folder },
        };
    }

    /// <summary>The <c>manifest.json</c> under <c>altstore-hosted-url</c>: the URL itself when it names a file, else inside it.</summary>
    public static Uri ManifestUrlUnder(Uri hosted) =>
        hosted.AbsolutePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? hosted
            : new Uri(hosted.AbsoluteUri.EndsWith('/') ? hosted : new Uri(hosted.AbsoluteUri + "/"), AdpPackage.ManifestName);

    private static string Contents(UnpackedAdp package) =>
        $"{package.Manifest}, {package.Manifest.VariantPaths.Count} variant(s), {package.Manifest.DeltaPaths.Count} delta(s)";

    private static ItemResult Item(string name, Outcome outcome, string reason) => new() { Name = name, Outcome = outcome, Reason = reason };
}
