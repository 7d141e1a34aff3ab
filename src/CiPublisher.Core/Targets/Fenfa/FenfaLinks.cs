using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// The links of a release as the server states them: its upload answer's <c>urls</c>, its public JSON's
/// <c>actions</c>, or, for a release found through the admin listings (which carry no URLs), the server's own
/// composition from its domain settings (contract O.1). All three give the same text for the same release, so a
/// re-run reports the links of the first run.
/// </summary>
public static class FenfaLinks
{
    /// <summary>The <c>urls</c> the server would have answered an upload of this release with.</summary>
    public static Dictionary<string, string> Compose(FenfaDomains domains, string productSlugOrId, string variantId, string releaseId)
    {
        var manifest = $"{domains.Primary}/ios/{releaseId}/manifest.plist";
        return new Dictionary<string, string>
        {
            // The server writes the slug into the path as it is (no escaping), and so must we to say the same.
            ["release_page"] = $"{domains.Primary}/products/{productSlugOrId}?r={releaseId}&variant={variantId}",
            ["download"] = $"{domains.DownloadBase}/d/{releaseId}",
            ["ios_install"] = "itms-services://?action=download-manifest&url=" + QueryEscape(manifest),
        };
    }

    /// <summary>
    /// The public JSON's <c>actions</c> of a release. Its <c>release_page</c> lacks the <c>&amp;variant=</c> that the
    /// upload answer carries (contract O.3); it is added so that both say the same.
    /// </summary>
    public static Dictionary<string, string> FromActions(IReadOnlyDictionary<string, string> actions, string variantId)
    {
        var urls = new Dictionary<string, string>(actions);
        if (urls.GetValueOrDefault("release_page") is { } page && !page.Contains("&variant=", StringComparison.Ordinal))
            urls["release_page"] = $"{page}&variant={variantId}";
        return urls;
    }

    /// <summary>The links worth showing for an artifact; iOS install links only for iOS (the server gives them for every platform, pitfall 10).</summary>
    public static Publication Shown(IReadOnlyDictionary<string, string> urls, ArtifactPlatform platform) => new()
    {
        PageUrl = urls.GetValueOrDefault("release_page") ?? urls.GetValueOrDefault("page"),
        DownloadUrl = urls.GetValueOrDefault("download"),
        InstallUrl = platform == ArtifactPlatform.Ios ? urls.GetValueOrDefault("ios_install") : null,
    };

    /// <summary>Go's <c>url.QueryEscape</c>, which the server uses: unreserved characters stay, a space becomes '+'.</summary>
    private static string QueryEscape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
