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
        // Only iOS variants get the OTA links here (compared case-insensitively, as the server does).
        object actions = string.Equals(variant.Platform, "ios", StringComparison.OrdinalIgnoreCase)
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

    /// <summary>
    /// <c>GET /d/{releaseID}</c>: the stored file as an attachment named as stored (<c>app.ipa</c>), with Range
    /// support; counts the download. 404 JSON "release not found" for an unknown release, "variant not published"
    /// when its product or variant is unpublished (contract O.3, O.4).
    /// </summary>
    private async Task DownloadAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.Release(route["releaseID"]) is not { } release || !File.Exists(release.StoredPath))
        {
            await FenfaJson.NotFoundAsync(context, "release not found");
            return;
        }
        if (Visible(release.Id) is null)
        {
            await FenfaJson.NotFoundAsync(context, "variant not published");
            return;
        }
        _store.CountDownload(release.Id);
        await Results.File(release.StoredPath, "application/octet-stream", release.FileName, enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    /// <summary>
    /// The OTA manifest, as the server writes it (Fenfa source, <c>manifest.go</c>; contract O.2): plain-text errors
    /// checked before the User-Agent; the asset URL on the settings' primary domain taken as it is (no request-host
    /// fallback, so a fresh server points at localhost:8000); <c>bundle-version</c> "version (build)"; the product's name.
    /// </summary>
    private async Task IosManifestAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (_store.Release(route["releaseID"]) is not { } release)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "not found");
            return;
        }
        if (_store.Variant(release.VariantId) is not { } variant || _store.Product(variant.ProductId) is not { } product)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "variant not found");
            return;
        }
        if (!product.Published || !variant.Published)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "variant not published");
            return;
        }
        if (!string.Equals(variant.Platform, "ios", StringComparison.OrdinalIgnoreCase))
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "not an ios release");
            return;
        }
        var userAgent = context.Request.Headers.UserAgent.ToString();
        if (!IosUserAgents.Any(a => userAgent.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            await PlainAsync(context, StatusCodes.Status403Forbidden, "This app is only available on iOS devices");
            return;
        }
        var download = $"{PrimaryDomain}/d/{release.Id}";
        var version = release.Build > 0 && release.Version.Length > 0 ? $"{release.Version} ({release.Build})" : release.Version;
        var plist = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0"><dict><key>items</key><array><dict>
            <key>assets</key><array><dict><key>kind</key><string>software-package</string><key>url</key><string>{SecurityElement.Escape(download)}</string></dict></array>
            <key>metadata</key><dict><key>bundle-identifier</key><string>{SecurityElement.Escape(variant.Identifier)}</string>
            <key>bundle-version</key><string>{SecurityElement.Escape(version)}</string><key>kind</key><string>software</string>
            <key>title</key><string>{SecurityElement.Escape(product.Name)}</string></dict>
            </dict></array></dict></plist>
            """;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(plist, context.RequestAborted);
    }

    /// <summary><c>GET /products/{id}</c>: the web app's page, 200 HTML for any key (the page itself asks the JSON API).</summary>
    private static Task ProductPageAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Modern distribution</title></head><body><div id=\"app\"></div></body></html>", context.RequestAborted);
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
