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
                .SelectMany(t => t.Items.Where(i => i.Name == a.FileName && !i.NotForThisTarget && i.Published is not null)
                    .SelectMany(i => new[] { (Label: "install page", Url: i.Published!.PageUrl), (Label: "download", Url: i.Published.DownloadUrl) }
                        .Where(l => l.Url is { } url && Markdown.IsWebLink(url))
                        .Select(l => Markdown.Link($"{l.Label} ({t.Target})", l.Url!)!)))
                .Distinct().ToList()))
            .Where(r => r.Links.Count > 0).ToList();
        if (rows.Count == 0) return "";
        var codes = report.Targets.SelectMany(t => t.Items).Select(i => i.QrCode).OfType<QrCodeImage>()
            .Where(c => Markdown.IsWebLink(c.ImageUrl))
            .GroupBy(c => c.ArtifactName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ImageUrl, StringComparer.Ordinal);

        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"| {corner} | build | links |").Append(codes.Count > 0 ? " scan |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
        foreach (var (artifact, links) in rows)
        {
            var build = string.Join(" ", new[] { artifact.Version, artifact.Build is null ? null : $"({artifact.Build})" }.OfType<string>());
            md.Append(CultureInfo.InvariantCulture, $"| {OutputsRenderer.PlatformName(artifact.Platform)} | `{Markdown.Cell(artifact.FileName)}` {Markdown.Cell(build)} | ")
                .Append(string.Join(" · ", links)).Append(" |");
            if (codes.Count > 0)
                // A Markdown image, not HTML: GitHub and Azure Pipelines both render it (~200 px, a camera's size).
                md.Append(codes.TryGetValue(artifact.FileName, out var code) ? $" {Markdown.Image("QR code", code)} |" : " |");
            md.Append('\n');
        }
        return md.ToString();
    }
}
