using System.Globalization;

namespace CiPublisher.Bench;

/// <summary>
/// Command line: <c>--program cipublisher.dll [--others "label=path,label=path"] [--sizes 256M,1G] [--reps 3] [--startup-runs 20] [--work dir]</c>.
/// <c>--program</c> is the build the goals are judged on; <c>--others</c> are other builds measured beside it (a baseline, Native AOT).
/// </summary>
internal sealed record Options(string Program, IReadOnlyList<(string Label, string Path)> Others, IReadOnlyList<long> Sizes, int Reps, int StartupRuns, string Work)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        return new Options(
            Path.GetFullPath(Get("program") ?? throw new ArgumentException("--program is required")),
            (Get("others") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(o => o.Split('=', 2)).Select(o => (o[0], Path.GetFullPath(o[1]))).ToArray(),
            (Get("sizes") ?? "256M,1G").Split(',').Select(CiPublisher.Bench.Sizes.Parse).Order().ToArray(),
            int.Parse(Get("reps") ?? "3", CultureInfo.InvariantCulture),
            int.Parse(Get("startup-runs") ?? "20", CultureInfo.InvariantCulture),
            Path.GetFullPath(Get("work") ?? Path.Combine(Path.GetTempPath(), "cipublisher-bench")));
    }
}
