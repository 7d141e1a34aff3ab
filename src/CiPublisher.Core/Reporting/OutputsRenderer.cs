using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Reporting;

/// <summary>The step outputs of INTERFACE.md, from a run report.</summary>
public static class OutputsRenderer
{
    public static IReadOnlyDictionary<string, string> Render(RunReport report)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in report.Targets)
        {
            foreach (var (name, value) in target.Outputs) outputs.TryAdd(name, value);
        }
        outputs["releases"] = ReportJson.Serialize(Releases(report));
        outputs["result"] = ReportJson.Serialize(report);
        return outputs;
    }

    /// <summary>One entry per artifact and target: where each artifact went and how.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Releases(RunReport report) =>
        [.. report.Targets.SelectMany(t => t.Items
            .Where(i => report.Artifacts.Any(a => a.FileName == i.Name))
            .Select(i =>
            {
                var entry = new Dictionary<string, string>
                {
                    ["target"] = t.Target,
                    ["artifact"] = i.Name,
                    ["outcome"] = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(i.Outcome.ToString()),
                };
                foreach (var (k, v) in i.Facts) entry.TryAdd(k, v);
                foreach (var (k, v) in i.Links) entry.TryAdd(k + "-url", v);
                return entry;
            }))];

    public static string PlatformName(ArtifactPlatform platform) => platform switch
    {
        ArtifactPlatform.Ios => "iOS",
        ArtifactPlatform.Android => "Android",
        ArtifactPlatform.MacOs => "macOS",
        ArtifactPlatform.Windows => "Windows",
        _ => "Linux",
    };
}
