using System.Security;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §4–5: unauthenticated reads, visible only while product and variant are published.</summary>
public sealed partial class FenfaEmulator
{
    private static readonly string[] IosUserAgents = ["iphone", "ipad", "ipod", "darwin", "cfnetwork", "appstored"];

    /// <summary><c>/api/products/{idOrSlug}</c> tries the ID, then the slug; <c>/api/products/slug/{slug}</c> is the same handler.</summary>
    private async Task PublicProductAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        var key = route.TryGetValue("slug", out var slug) ? slug : route["productID"];
        if ((_store.Product(key) ?? _store.ProductBySlug(key)) is not { } p)
        {
            await FenfaJson.NotFoundAsync(context, "product not found");
            return;
        }
        if (!p.Published)
        {
            await FenfaJson.NotFoundAsync(context, "product not published");
            return;
        }

        var urls = UrlsFor(context.Request);
        var variants = _store.VariantsOf(p.Id).Where(v => v.Published).Select(v =>
        {
            var releases = _store.ReleasesOf(v.Id).Select(r => PublicReleaseJson(urls, p, v, r)).ToList();
            return new
            {
                v.Id, v.Platform, v.Identifier, v.LegacyAppId, v.DisplayName, v.Arch, v.InstallerType, v.MinOs, v.Published,
                LatestRelease = releases.FirstOrDefault(),
                Releases = releases,
            };
        });
        await FenfaJson.OkAsync(context, new
        {
            Product = new { p.Id, p.Slug, p.Name, IconUrl = urls.Icon(p), p.Published },
            Variants = variants,
        });
    }

    private object PublicReleaseJson(FenfaUrls urls, FenfaProduct product, FenfaVariant variant, FenfaRelease r)
    {
        // Only iOS variants get the OTA links here (exact "ios", as the server compares it).
        object actions = variant.Platform == "ios"
            ? new
            {
                Download = urls.Download(r), ReleasePage = urls.ReleasePage(product, r),
                IosManifest = urls.IosManifest(r), IosInstall = urls.IosInstall(r),
            }
            : new { Download = urls.Download(r), ReleasePage = urls.ReleasePage(product, r) };
        return new
        {
            r.Id, r.Version, r.Build,
            CreatedAt = Clock.ToJson(r.CreatedAt),
            r.DownloadCount, r.Channel, r.MinOs, r.Changelog,
            Actions = actions,
        };
    }

    /// <summary><c>GET /d/{releaseID}</c>: the stored file as an attachment with Range support; counts the download.</summary>
    private async Task DownloadAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (Visible(route["releaseID"]) is not { } release || !File.Exists(release.StoredPath))
        {
            await FenfaJson.NotFoundAsync(context, "release not found");
            return;
        }
        _store.CountDownload(release.Id);
        await Results.File(release.StoredPath, "application/octet-stream", release.FileName, enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    /// <summary>The OTA manifest; plain-text errors, 403 unless the User-Agent looks like iOS.</summary>
    private async Task IosManifestAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        if (!IosUserAgents.Any(a => userAgent.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            await PlainAsync(context, StatusCodes.Status403Forbidden, "forbidden");
            return;
        }
        if (Visible(route["releaseID"]) is not { } release || _store.Variant(release.VariantId) is not { } variant)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "not found");
            return;
        }
        var download = UrlsFor(context.Request).Download(release);
        var plist = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0"><dict><key>items</key><array><dict>
            <key>assets</key><array><dict><key>kind</key><string>software-package</string><key>url</key><string>{SecurityElement.Escape(download)}</string></dict></array>
            <key>metadata</key><dict><key>bundle-identifier</key><string>{SecurityElement.Escape(variant.Identifier)}</string>
            <key>bundle-version</key><string>{SecurityElement.Escape(release.Version)}</string><key>kind</key><string>software</string>
            <key>title</key><string>{SecurityElement.Escape(variant.DisplayName)}</string></dict>
            </dict></array></dict></plist>
            """;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(plist, context.RequestAborted);
    }

    private async Task ProductIconAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (_store.Product(route["productID"]) is not { Icon: { } icon })
        {
            await FenfaJson.NotFoundAsync(context, "icon not found");
            return;
        }
        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(icon, context.RequestAborted);
    }

    /// <summary>A release whose product and variant are both published, else null.</summary>
    private FenfaRelease? Visible(string releaseId) =>
        _store.Release(releaseId) is { } release
        && _store.Variant(release.VariantId) is { Published: true } variant
        && _store.Product(variant.ProductId) is { Published: true }
            ? release
            : null;

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
