using Markdig;
using Markdig.Syntax;

namespace CiPublisher.TestSupport;

/// <summary>
/// Markdown as a GitHub job summary, release or comment shows it: GitHub-flavoured Markdown (pipe tables, autolinks)
/// to HTML, with what GitHub's sanitizer removes removed (images from <c>data:</c> URLs, links other than http(s) and
/// mailto), in the page width and type GitHub uses for Markdown (the <c>markdown-body</c> of a job summary: 1012 px at most,
/// 14 px text, images at their own size up to the column's width).
/// </summary>
public static class GitHubMarkdownPage
{
    public const int Width = 1012;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().Build();

    public static string Html(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>().ToList())
        {
            var url = link.Url ?? "";
            var allowed = link.IsImage
                ? url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                  || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#');
            if (!allowed) link.Url = null;
        }
        var body = Markdig.Markdown.ToHtml(document, Pipeline);
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>summary</title>
            <style>
              body { margin: 0; background: #fff; }
              .markdown-body { box-sizing: border-box; max-width: {{Width}}px; padding: 16px 32px; color: #1f2328;
                font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
              .markdown-body h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
              .markdown-body h3 { font-size: 1.25em; }
              .markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; }
              .markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
              .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
              .markdown-body img { max-width: 100%; box-sizing: content-box; background: #fff; }
              .markdown-body code { padding: .2em .4em; font-size: 85%; background: #eff1f3; border-radius: 6px; }
            </style></head>
            <body><article class="markdown-body">
            {{body}}
            </article></body></html>
            """;
    }
}
