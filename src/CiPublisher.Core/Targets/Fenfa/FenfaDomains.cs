namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// The two bases of the links a Fenfa server hands out: its primary domain (pages, iOS manifests) and the base of
/// download links (its first secondary domain, a CDN, when one is set). They come from the server's settings, with
/// the server's own rules (Fenfa source, <c>upload.go</c> and <c>products_api.go</c>, <c>normalize</c>): a primary
/// domain that is empty or local means "the host the request was sent to", a domain without a scheme takes the
/// request's, and <c>http://</c> becomes <c>https://</c> when the request came over HTTPS.
/// </summary>
public sealed record FenfaDomains(string Primary, string DownloadBase)
{
    /// <param name="settings">The server's settings; null when they cannot be read (the server's defaults apply).</param>
    /// <param name="server">fenfa-url: the host and scheme the requests go to, as a proxy in front would forward them.</param>
    public static FenfaDomains From(FenfaServerSettings? settings, Uri server)
    {
        var scheme = server.Scheme;
        var requestRoot = $"{scheme}://{server.Authority}";
        var primary = Normalize(settings?.PrimaryDomain, scheme, requestRoot);
        var secondary = settings?.SecondaryDomains?.FirstOrDefault();
        return new FenfaDomains(primary, string.IsNullOrEmpty(secondary) ? primary : Normalize(secondary, scheme, requestRoot));
    }

    private static string Normalize(string? domain, string scheme, string requestRoot)
    {
        var value = (domain ?? "").Trim();
        if (value.Length == 0 || value.Contains("localhost", StringComparison.Ordinal) || value.Contains("127.0.0.1", StringComparison.Ordinal))
            return requestRoot;
        if (value.StartsWith("http://", StringComparison.Ordinal))
            return scheme == Uri.UriSchemeHttps ? "https://" + value["http://".Length..] : value;
        if (value.StartsWith("https://", StringComparison.Ordinal)) return value;
        return $"{scheme}://{value}";
    }
}
