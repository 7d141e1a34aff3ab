using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Links of a release that was found rather than uploaded (the listings carry no URLs), composed the way
/// the server composes them for an upload (contract §2.1).
/// </summary>
public static class FenfaLinks
{
    public static Dictionary<string, string> Compose(Uri server, string productSlugOrId, string variantId, string releaseId, ArtifactPlatform platform)
    {
        var root = server.GetLeftPart(UriPartial.Authority);
        var links = new Dictionary<string, string>
        {
            ["page"] = $"{root}/products/{Uri.EscapeDataString(productSlugOrId)}?r={releaseId}&variant={variantId}",
            ["download"] = $"{root}/d/{releaseId}",
        };
        if (platform == ArtifactPlatform.Ios)
            links["install"] = $"itms-services://?action=download-manifest&url={Uri.EscapeDataString($"{root}/ios/{releaseId}/manifest.plist")}";
        return links;
    }

    /// <summary>The links of an upload's answer worth showing; iOS install links only for iOS (pitfall 10).</summary>
    public static Dictionary<string, string> FromUpload(IReadOnlyDictionary<string, string> urls, ArtifactPlatform platform)
    {
        var links = new Dictionary<string, string>();
        if ((urls.GetValueOrDefault("release_page") ?? urls.GetValueOrDefault("page")) is { } page) links["page"] = page;
        if (urls.GetValueOrDefault("download") is { } download) links["download"] = download;
        if (platform == ArtifactPlatform.Ios && urls.GetValueOrDefault("ios_install") is { } install) links["install"] = install;
        return links;
    }
}
