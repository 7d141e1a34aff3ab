using System.Globalization;

namespace CiPublisher.Bench;

/// <summary>Command line: <c>--program cipublisher.dll [--baseline old.dll] [--aot native-binary] [--sizes 256M,1G] [--reps 3] [--work dir]</c>.</summary>
internal sealed record Options(string Program, string? Baseline, string? Aot, IReadOnlyList<long> Sizes, int Reps, int StartupRuns, string Work)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        return new Options(
            Path.GetFullPath(Get("program") ?? throw new ArgumentException("--program is required")),
            Get("baseline") is { } b ? Path.GetFullPath(b) : null,
            Get("aot") is { } a ? Path.GetFullPath(a) : null,
            (Get("sizes") ?? "256M,1G").Split(',').Select(CiPublisher.Bench.Sizes.Parse).Order().ToArray(),
            int.Parse(Get("reps") ?? "3", CultureInfo.InvariantCulture),
            int.Parse(Get("startup-runs") ?? "20", CultureInfo.InvariantCulture),
            Path.GetFullPath(Get("work") ?? Path.Combine(Path.GetTempPath(), "cipublisher-bench")));
    }
}
