using System.Globalization;
using System.Text;

namespace CiPublisher.Core.Reporting;

/// <summary>
/// What a tester needs first, shown in the job summary, the release section and the pull-request comment: per artifact
/// its install page and download links (http(s) only: GitHub drops itms-services:// links, the page has them) and,
/// where the run made one, a QR code a phone camera can scan from the page.
/// </summary>
public static class InstallTable
{
    /// <summary>The table, or an empty string when no artifact got a link; <paramref name="corner"/> is its first header cell.</summary>
    public static string Render(RunReport report, string corner = "")
    {
        var rows = report.Artifacts.Select(a => (Artifact: a, Links: report.Targets
                .SelectMany(t => t.Items.Where(i => i.Name == a.FileName && !i.NotForThisTarget)
                    .SelectMany(i => i.Links.Where(l => l.Key is "page" or "download" && IsWebLink(l.Value))
                        .Select(l => $"[{(l.Key == "page" ? "install page" : "download")} ({Escape(t.Target)})]({Href(l.Value)})")))
                .Distinct().ToList()))
            .Where(r => r.Links.Count > 0).ToList();
        if (rows.Count == 0) return "";
        var codes = report.Targets.SelectMany(t => t.Items)
            .Where(i => i.Links.TryGetValue("qr", out var qr) && IsWebLink(qr) && i.Facts.ContainsKey("for"))
            .GroupBy(i => i.Facts["for"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Links["qr"], StringComparer.Ordinal);

        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"| {corner} | build | links |").Append(codes.Count > 0 ? " scan |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
        foreach (var (artifact, links) in rows)
        {
            var build = string.Join(" ", new[] { artifact.Version, artifact.Build is null ? null : $"({artifact.Build})" }.OfType<string>());
            md.Append(CultureInfo.InvariantCulture, $"| {OutputsRenderer.PlatformName(artifact.Platform)} | `{Escape(artifact.FileName)}` {Escape(build)} | ")
                .Append(string.Join(" · ", links)).Append(" |");
            if (codes.Count > 0)
                // A Markdown image, not HTML: GitHub and Azure Pipelines both render it (~200 px, a camera's size).
                md.Append(codes.TryGetValue(artifact.FileName, out var code) ? $" ![QR code]({Href(code)}) |" : " |");
            md.Append('\n');
        }
        return md.ToString();
    }

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Parentheses would end a Markdown link early.</summary>
    private static string Href(string url) => new Uri(url).AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
}
