using System.Globalization;
using System.Text;

namespace CiPublisher.Core.Reporting;

/// <summary>
/// The job summary in GitHub-flavoured Markdown: app, version, build and the verdict at the top, then how to install
/// the build (each artifact's links), failures explained, and one table per target: a failed target's open, the
/// others collapsed.
/// </summary>
public static class SummaryRenderer
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        var title = report.AppName ?? (report.Artifacts.Count > 0 ? report.Artifacts[0].FileName : "CiPublisher");
        var version = string.Join(" ", new[] { report.Version, report.Build is null ? null : $"({report.Build})" }.OfType<string>());
        md.Append($"## {Verdict(report).Icon} {Escape(title)} {Escape(version)}".TrimEnd()).Append('\n').Append('\n');
        md.Append(CultureInfo.InvariantCulture, $"**{Verdict(report).Text}** · `{report.Command}`")
            .Append(report.DryRun ? " · dry run: nothing was written" : "")
            .Append(CultureInfo.InvariantCulture, $" · {report.Duration.TotalSeconds:0.#}s").Append('\n').Append('\n');

        if (report.Error is not null) md.Append("> [!CAUTION]\n> ").Append(Escape(report.Error)).Append("\n\n");
        RenderInstall(md, report);

        var failed = report.Targets.Where(t => t.Outcome == Outcome.Failed).ToList();
        foreach (var target in failed)
        {
            md.Append(CultureInfo.InvariantCulture, $"> [!CAUTION]\n> **{Escape(target.Target)} failed:** {Escape(target.Reason ?? "see the items below")}\n");
            foreach (var item in target.Items.Where(i => i.Outcome == Outcome.Failed))
                md.Append(CultureInfo.InvariantCulture, $"> - `{Escape(item.Name)}`: {Escape(item.Reason ?? "failed")}\n");
            md.Append('\n');
        }

        foreach (var target in failed.Concat(report.Targets.Where(t => t.Outcome != Outcome.Failed)))
            RenderTarget(md, target);

        if (report.Artifacts.Count > 0) RenderArtifacts(md, report);
        return md.ToString();
    }

    private static void RenderInstall(StringBuilder md, RunReport report)
    {
        var table = InstallTable.Render(report);
        if (table.Length > 0) md.Append("### 📲 Install\n\n").Append(table).Append('\n');
    }

    private static void RenderTarget(StringBuilder md, TargetResult target)
    {
        var heading = $"{OutcomeIcon(target.Outcome)} {Escape(target.Target)}" +
                      (target.Reason is not null && target.Outcome != Outcome.Failed ? " — " + Escape(target.Reason) : "") +
                      string.Create(CultureInfo.InvariantCulture, $" ({target.Duration.TotalSeconds:0.#}s)");
        var open = target.Outcome == Outcome.Failed;
        md.Append(open ? $"### {heading}\n\n" : $"<details><summary>{heading}</summary>\n\n");

        var items = target.Items.Where(i => !i.NotForThisTarget).ToList();
        if (items.Count > 0)
        {
            var factNames = items.SelectMany(i => i.Facts.Keys).Distinct().ToList();
            md.Append("| | item | ").Append(string.Join(" | ", factNames)).Append(factNames.Count > 0 ? " | " : "").Append("links | note |\n");
            md.Append("|---|---|").Append(string.Concat(factNames.Select(_ => "---|"))).Append("---|---|\n");
            foreach (var item in items)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {OutcomeIcon(item.Outcome)} | `{Escape(item.Name)}` | ");
                var facts = item.Facts; // merged from the publication on each read: read once
                foreach (var fact in factNames) md.Append(FactText(fact, facts.GetValueOrDefault(fact))).Append(" | ");
                md.Append(string.Join(" · ", item.Links.Select(l => LinkText(l.Key, l.Value)))).Append(" | ");
                md.Append(Escape(item.Reason ?? "")).Append(" |\n");
            }
            md.Append('\n');
        }
        if (target.Figures.Count > 0)
            md.Append(string.Join(" · ", target.Figures.Select(f => $"{Escape(f.Key)}: **{Escape(f.Value)}**"))).Append("\n\n");
        foreach (var note in target.Notes) md.Append("> [!NOTE]\n> ").Append(Escape(note)).Append("\n\n");
        if (!open) md.Append("</details>\n\n");
    }

    private static void RenderArtifacts(StringBuilder md, RunReport report)
    {
        md.Append("<details><summary>Artifacts</summary>\n\n| file | platform | id | version | build | size | sha256 |\n|---|---|---|---|---|---|---|\n");
        foreach (var a in report.Artifacts)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| `{Escape(a.FileName)}` | {OutputsRenderer.PlatformName(a.Platform)} | {Escape(a.Identifier ?? "")} | {Escape(a.Version ?? "")} | {Escape(a.Build ?? "")} | {Readable.Size(a.SizeBytes)} | {ShortHash(a.Sha256 ?? HashFromTargets(report, a.FileName))} |\n");
        }
        md.Append("\n</details>\n");
    }

    /// <summary>Hashes are long: the summary shows enough to compare, the <c>result</c> output has them whole.</summary>
    private static string FactText(string name, string? value) => value switch
    {
        null => "",
        _ when name is "sha256" or "md5" && value.Length > 12 => ShortHash(value),
        _ when name == "size" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) => Readable.Size(bytes),
        _ => Escape(value),
    };

    /// <summary>Install links use itms-services://, which Markdown renderers drop as links; show them as code.</summary>
    private static string LinkText(string name, string url) =>
        Markdown.Link(name, url) ?? $"{Escape(name)}: `{url.Replace("`", "%60", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal)}`";

    /// <summary>The SHA-256 an upload computed on its way (the artifact is read once, by the upload).</summary>
    private static string? HashFromTargets(RunReport report, string fileName) =>
        report.Targets.SelectMany(t => t.Items).Where(i => i.Name == fileName)
            .Select(i => i.Published?.Sha256).FirstOrDefault(h => h is not null);

    public static string ShortHash(string? sha256) => sha256 is { Length: >= 12 } ? $"`{sha256[..12]}…`" : "";

    private static (string Icon, string Text) Verdict(RunReport report) =>
        report.Cancelled ? ("⏹️", "Cancelled")
        : report.Error is not null ? ("❌", "Not run")
        : report.Targets.Any(t => t.Outcome == Outcome.Failed) ? ("❌", "Failed")
        : report.Targets.Count == 0 || report.Targets.All(t => t.Outcome == Outcome.Skipped) ? ("⏭️", "Nothing published")
        : ("✅", "Published");

    private static string OutcomeIcon(Outcome outcome) => outcome switch
    {
        Outcome.Succeeded => "✅",
        Outcome.AlreadyDone => "☑️",
        Outcome.Skipped => "⏭️",
        _ => "❌",
    };

    /// <summary>Keeps service text from breaking the table or the Markdown.</summary>
    private static string Escape(string text) => Markdown.Cell(text);
}
