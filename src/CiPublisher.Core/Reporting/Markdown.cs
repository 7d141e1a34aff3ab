namespace CiPublisher.Core.Reporting;

/// <summary>
/// The one way report text goes into Markdown (the job summary, the release section, the pull-request comment): table-safe
/// cells, and links only to absolute http(s) URLs, so a value from a server can neither break a table nor smuggle in
/// a script URL or one of our HTML markers.
/// </summary>
public static class Markdown
{
    /// <summary>No pipes or line breaks, and no HTML (a comment could fake a marker).</summary>
    public static string Cell(string text) => text
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);

    public static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The URL as a link target; parentheses would end a Markdown link early. Null for anything but http(s).</summary>
    public static string? Href(string url) =>
        IsWebLink(url) ? new Uri(url).AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal) : null;

    /// <summary><c>[label](url)</c>, or null when the URL is not http(s).</summary>
    public static string? Link(string label, string url) => Href(url) is { } href ? $"[{Cell(label)}]({href})" : null;

    /// <summary><c>![alt](url)</c>, or null when the URL is not http(s) (GitHub drops <c>data:</c> images).</summary>
    public static string? Image(string alt, string url) => Href(url) is { } href ? $"![{Cell(alt)}]({href})" : null;
}
