using System.Text;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// The Markdown both the release section and the pull-request comment show: how to install each artifact (the job
/// summary's Install table), then one row per artifact and target.
/// </summary>
public static class DistributionSummary
{
    /// <summary>The first header cell of the Install table, which tells it apart when the rows of matrix jobs are merged.</summary>
    public const string InstallCorner = "📲 install";

    /// <param name="qrCodes">Items of QR code images (<see cref="ItemResult.QrCode"/>) made after the report.</param>
    public static string Render(RunReport report, RunContext context, string? version, IReadOnlyList<ItemResult>? qrCodes = null)
    {
        var markdown = new StringBuilder();
        var title = string.Join(' ', new[] { report.AppName, version ?? report.Version }.Where(p => !string.IsNullOrWhiteSpace(p)));
        markdown.Append("### Distribution");
        if (title.Length > 0) markdown.Append(" · ").Append(Cell(title));
        markdown.Append("\n\n");

        var install = InstallTable.Render(qrCodes is not { Count: > 0 } ? report
            : report with { Targets = [.. report.Targets, new TargetResult { Target = "QR codes", Outcome = Outcome.Succeeded, Items = qrCodes }] },
            InstallCorner);
        if (install.Length > 0) markdown.Append(install).Append('\n');
        markdown.Append("| Artifact | Target | Version | Build | Result | Links |\n");
        markdown.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var target in report.Targets)
        {
            if (target.Items.Count == 0)
            {
                AppendRow(markdown, "—", target.Target, version ?? report.Version, report.Build, target.Outcome,
                    target.Reason, new Dictionary<string, string>());
                continue;
            }
            foreach (var item in target.Items)
            {
                AppendRow(markdown, item.Name, target.Target, item.Published?.Version ?? version ?? report.Version,
                    item.Published?.Build ?? report.Build, item.Outcome, item.Reason, item.Links);
            }
        }

        AppendAdpStatus(markdown, report);
        AppendDevices(markdown, report);
        AppendProvenance(markdown, context);
        return markdown.ToString();
    }

    private static void AppendRow(StringBuilder markdown, string artifact, string target, string? version, string? build,
        Outcome outcome, string? reason, IReadOnlyDictionary<string, string> links)
    {
        markdown.Append("| ").Append(Cell(artifact))
            .Append(" | ").Append(Cell(target))
            .Append(" | ").Append(Cell(version ?? "—"))
            .Append(" | ").Append(Cell(build ?? "—"))
            .Append(" | ").Append(Cell(Describe(outcome, reason)))
            .Append(" | ").Append(Links(links))
            .Append(" |\n");
    }

    private static void AppendAdpStatus(StringBuilder markdown, RunReport report)
    {
        if (report.Targets.Select(t => t.Adp).FirstOrDefault(a => a is not null) is not { } adp) return;
        markdown.Append("\n**AltStore ADP:** ").Append(Cell(adp.Status));
        if (adp.ManifestUrl is { } manifest && Link("manifest", manifest) is { } hosted) markdown.Append(" · ").Append(hosted);
        if (adp.DownloadUrl is { } download && Link("download", download) is { } link) markdown.Append(" · ").Append(link);
        markdown.Append('\n');
    }

    private static void AppendDevices(StringBuilder markdown, RunReport report)
    {
        if (report.Targets.Select(t => t.Devices).FirstOrDefault(d => d is not null) is not { } devices) return;
        markdown.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"\n**Devices:** {devices.Registered} registered, {devices.Reenabled} re-enabled, {devices.Existing} existing, {devices.Invalid} invalid\n");
    }

    private static void AppendProvenance(StringBuilder markdown, RunContext context)
    {
        var parts = new List<string>();
        if (context.RunUrl is { } runUrl && Link("run", runUrl) is { } run) parts.Add(run);
        if (!string.IsNullOrWhiteSpace(context.Sha)) parts.Add($"commit {Cell(context.Sha[..Math.Min(7, context.Sha.Length)])}");
        if (parts.Count > 0) markdown.Append("\n<sub>").Append(string.Join(" · ", parts)).Append("</sub>\n");
    }

    private static string Describe(Outcome outcome, string? reason)
    {
        var word = outcome switch
        {
            Outcome.Succeeded => "✅ done",
            Outcome.AlreadyDone => "✅ already there",
            Outcome.Skipped => "⏭️ skipped",
            _ => "❌ failed",
        };
        return string.IsNullOrWhiteSpace(reason) ? word : $"{word}: {reason}";
    }

    /// <summary>In the item's order: a publication's page, download and install links first.</summary>
    private static string Links(IReadOnlyDictionary<string, string> links)
    {
        var rendered = links.Select(l => Link(l.Key, l.Value)).OfType<string>().ToList();
        return rendered.Count == 0 ? "—" : string.Join(" · ", rendered);
    }

    private static string? Link(string label, string url) => Markdown.Link(label, url);

    private static string Cell(string text) => Markdown.Cell(text);
}
