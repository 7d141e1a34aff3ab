using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// The public URLs Fenfa puts in upload answers and product JSON (contract §2.1 "URL building").
/// </summary>
internal sealed class FenfaUrls
{
    private readonly string _base;
    private readonly string _downloadBase;

    public FenfaUrls(HttpRequest request, string? primaryDomain, IReadOnlyList<string> secondaryDomains)
    {
        var scheme = request.Headers["X-Forwarded-Proto"].FirstOrDefault() is { Length: > 0 } forwarded
            ? forwarded
            : request.IsHttps ? "https" : "http";
        var https = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase);

        // The seeded default (http://localhost:8000) and anything local mean "use the request's Host".
        _base = string.IsNullOrWhiteSpace(primaryDomain)
                || primaryDomain.Contains("localhost", StringComparison.OrdinalIgnoreCase)
                || primaryDomain.Contains("127.0.0.1", StringComparison.Ordinal)
            ? $"{scheme}://{request.Host.Value}"
            : Upgrade(primaryDomain.TrimEnd('/'), https);
        _downloadBase = secondaryDomains.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) is { } secondary
            ? Upgrade(secondary.TrimEnd('/'), https)
            : _base;
    }

    public string Base => _base;

    public string Page(FenfaProduct product) =>
        $"{_base}/products/{(product.Slug.Length > 0 ? product.Slug : product.Id)}";

    /// <summary>The upload answer's release page names the variant too.</summary>
    public string UploadReleasePage(FenfaProduct product, FenfaRelease release) =>
        $"{Page(product)}?r={release.Id}&variant={release.VariantId}";

    /// <summary>The public product JSON's release page does not (contract §5 example).</summary>
    public string ReleasePage(FenfaProduct product, FenfaRelease release) => $"{Page(product)}?r={release.Id}";

    public string Download(FenfaRelease release) => $"{_downloadBase}/d/{release.Id}";

    public string IosManifest(FenfaRelease release) => $"{_base}/ios/{release.Id}/manifest.plist";

    public string IosInstall(FenfaRelease release) =>
        "itms-services://?action=download-manifest&url=" + Uri.EscapeDataString(IosManifest(release));

    public string Icon(FenfaProduct product) => $"{_base}/icon/products/{product.Id}";

    private static string Upgrade(string domain, bool https) =>
        https && domain.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + domain["http://".Length..] : domain;
}
