using System.Globalization;

namespace CiPublisher.Bench;

/// <summary>
/// Command line: <c>--program cipublisher [--program-label "Native AOT"] [--jit cipublisher.dll] [--others "label=path,label=path"]
/// [--sizes 256M,1G] [--reps 3] [--startup-runs 20] [--work dir]</c>.
/// <c>--program</c> is the build the goals are judged on (the shipped Native AOT executable); <c>--jit</c> is the
/// framework-dependent build judged on goal 4's JIT start-up; <c>--others</c> are builds measured beside them for reference (a baseline).
/// </summary>
internal sealed record Options(string Program, string ProgramLabel, string? Jit, IReadOnlyList<(string Label, string Path)> Others,
    IReadOnlyList<long> Sizes, int Reps, int StartupRuns, string Work)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        return new Options(
            Path.GetFullPath(Get("program") ?? throw new ArgumentException("--program is required")),
            Get("program-label") ?? "shipped",
            Get("jit") is { } jit ? Path.GetFullPath(jit) : null,
            (Get("others") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(o => o.Split('=', 2)).Select(o => (o[0], Path.GetFullPath(o[1]))).ToArray(),
            (Get("sizes") ?? "256M,1G").Split(',').Select(CiPublisher.Bench.Sizes.Parse).Order().ToArray(),
            int.Parse(Get("reps") ?? "3", CultureInfo.InvariantCulture),
            int.Parse(Get("startup-runs") ?? "20", CultureInfo.InvariantCulture),
            Path.GetFullPath(Get("work") ?? Path.Combine(Path.GetTempPath(), "cipublisher-bench")));
    }

    /// <summary>A native executable rather than <c>cipublisher.dll</c> run by <c>dotnet</c>.</summary>
    public static bool IsNative(string program) => !program.EndsWith(".dll", StringComparison.Ordinal);
}
