using System.Text;

namespace CiPublisher.Bench;

/// <summary>The Markdown the bench prints: raw medians per contender, then each goal with its verdict.</summary>
internal static class Report
{
    private const string Curl = "curl -F (no hash)";
    private const string OpensslCurl = "openssl dgst -sha256 && curl -F";

    public static string Render(Options options, IReadOnlyList<UploadRun> uploads, IReadOnlyList<AssetRun> assets,
        IReadOnlyList<AdpRun> adps, IReadOnlyList<StartupResult> startup, ImageSize? image,
        IReadOnlyList<ApiRun> api, AppleRun apple, string shipped)
    {
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; " +
                        $"{options.Reps} interleaved rounds per size (medians), load average at the end {LoadAverage()}.");
        text.AppendLine($"Goals are judged on `{shipped}` ({(Options.IsNative(options.Program) ? "a native executable" : "`dotnet cipublisher.dll`")})" +
                        (options.Jit is null ? "." : "; `cipublisher (JIT)` is the framework-dependent build run as `dotnet cipublisher.dll`."));
        text.AppendLine();
        text.AppendLine("### Uploads (medians)");
        text.AppendLine();
        text.AppendLine("| Server | Size | Contender | Wall s | MB/s | Wall ÷ curl | CPU s | Server CPU s | Cores busy | Peak RSS MB | Bytes read ÷ size |");
        text.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var group in uploads.GroupBy(u => (u.Server, u.Size)))
        {
            var curl = Median(group, Curl, f => f.WallSeconds);
            foreach (var contender in group.GroupBy(u => u.Contender))
            {
                var wall = Statistics.Median(contender.Select(u => u.Figures.WallSeconds));
                var clientCpu = Statistics.Median(contender.Select(u => u.Figures.CpuSeconds));
                var serverCpu = Statistics.Median(contender.Select(u => u.ServerCpuSeconds));
                text.AppendLine($"| {group.Key.Server} | {Sizes.Label(group.Key.Size)} | {contender.Key} | {wall:0.000} | {group.Key.Size / wall / 1e6:0} | " +
                                $"{wall / curl:0.00} | {clientCpu:0.00} | {serverCpu:0.00} | {(clientCpu + serverCpu) / wall:0.00} | " +
                                $"{contender.Max(u => u.Figures.PeakRssMb):0.0} | {Statistics.Median(contender.Select(u => (double)u.Figures.ReadChars)) / group.Key.Size:0.000} |");
            }
        }
        text.AppendLine();
        text.AppendLine("CPU s is the client command's user+sys time; server CPU s is the bench process's (it hosts the server) over the same upload; " +
                        "cores busy is their sum over the wall time (2.00 = both cores of this machine saturated). Peak RSS is the largest of the rounds; " +
                        "bytes read is `rchar` (every `read()`, page cache included) of the whole command.");
        text.AppendLine();
        text.AppendLine("### GitHub release assets (medians; peak RSS the largest)");
        text.AppendLine();
        text.AppendLine("| Size | Contender | Wall s | MB/s | Peak RSS MB |");
        text.AppendLine("|---|---|--:|--:|--:|");
        foreach (var group in assets.GroupBy(a => (a.Size, a.Contender)))
        {
            var wall = Statistics.Median(group.Select(a => a.Figures.WallSeconds));
            text.AppendLine($"| {Sizes.Label(group.Key.Size)} | {group.Key.Contender} | {wall:0.000} | {group.Key.Size / wall / 1e6:0} | " +
                            $"{group.Max(a => a.Figures.PeakRssMb):0.0} |");
        }
        text.AppendLine();
        text.AppendLine("The program's release-asset upload streams the file with its SHA-256 on the read path (GitHub emulator, to disk); " +
                        "its peak memory stays flat as the file grows.");
        text.AppendLine();
        text.AppendLine("### AltStore ADP download and unpacking (medians; peak RSS the largest)");
        text.AppendLine();
        text.AppendLine("| Variant | Contender | Wall s | Peak RSS MB |");
        text.AppendLine("|---|---|--:|--:|");
        foreach (var group in adps.GroupBy(a => (a.Size, a.Contender)))
            text.AppendLine($"| {Sizes.Label(group.Key.Size)} | {group.Key.Contender} | {Statistics.Median(group.Select(a => a.Figures.WallSeconds)):0.000} | " +
                            $"{group.Max(a => a.Figures.PeakRssMb):0.0} |");
        text.AppendLine();
        text.AppendLine("`altstore-adp-dir` against the AltStore emulator: the zip is streamed to disk, then each file unpacked with SHA-256 and " +
                        "CRC-32 on the way. The program's wall time includes its first status poll (about 10 s, by design: AltStore takes minutes).");
        text.AppendLine();

        text.AppendLine("### Goals");
        text.AppendLine();
        text.AppendLine("| # | Goal | Figure | Verdict |");
        text.AppendLine("|---|---|---|---|");
        foreach (var group in uploads.GroupBy(u => (u.Server, u.Size)))
        {
            var ours = Median(group, shipped, f => f.WallSeconds);
            var vsCurl = ours / Median(group, Curl, f => f.WallSeconds);
            var vsPair = ours / Median(group, OpensslCurl, f => f.WallSeconds);
            text.AppendLine($"| 1 | {group.Key.Server}, {Sizes.Label(group.Key.Size)}: wall ≤ 1.1 × curl, ≤ 0.8 × openssl && curl | " +
                            $"{vsCurl:0.00} × curl, {vsPair:0.00} × openssl && curl | {Verdict(vsCurl <= 1.1 && vsPair <= 0.8)} |");
        }
        var ourRuns = uploads.Where(u => u.Contender == shipped).ToArray();
        var peak = ourRuns.Max(u => u.Figures.PeakRssMb);
        var smallest = ourRuns.Where(u => u.Size == options.Sizes[0]).Max(u => u.Figures.PeakRssMb);
        var largest = ourRuns.Where(u => u.Size == options.Sizes[^1]).Max(u => u.Figures.PeakRssMb);
        var growth = (largest - smallest) / smallest;
        text.AppendLine($"| 2 | peak RSS ≤ 64 MB; {Sizes.Label(options.Sizes[^1])} within 5 % of {Sizes.Label(options.Sizes[0])} | " +
                        $"{peak:0.0} MB; {largest:0.0} vs {smallest:0.0} MB ({growth:+0.0%;-0.0%}) | {Verdict(peak <= 64 && Math.Abs(growth) <= 0.05)} |");
        var chunked = ourRuns.Where(u => u.Chunked is not null).ToArray();
        text.AppendLine($"| 3 | upload body with Content-Length, not chunked (sink) | {chunked.Count(u => u.Chunked == true)} of {chunked.Length} uploads chunked | " +
                        $"{Verdict(chunked.Length > 0 && chunked.All(u => u.Chunked == false))} |");
        var readRatio = ourRuns.Max(u => (double)u.Figures.ReadChars / u.Size);
        text.AppendLine($"| 3 | bytes read ≈ file size (one target) | ≤ {readRatio:0.000} × size | {Verdict(readRatio < 1.05)} |");
        foreach (var run in startup)
        {
            text.AppendLine($"| 4 | start-up: {run.Name}{(run.LimitMs is { } limit ? $" ≤ {limit} ms" : " (reference)")} | " +
                            $"{run.MedianMs:0} ms (min {run.MinMs:0}) | {(run.LimitMs is { } ceiling ? Verdict(run.MedianMs <= ceiling) : "—")} |");
        }
        text.AppendLine(ImageRow(image, shipped));
        foreach (var run in api)
        {
            text.AppendLine($"| 5 | Fenfa {run.Run} | {run.Requests} requests: {run.Reads} GET, {run.Writes} other " +
                            $"({run.UploadPosts} POST /upload incl. the preflight), {run.ReleasesCreated} release(s) created | " +
                            $"{(run.Run.StartsWith("re-run", StringComparison.Ordinal) ? Verdict(run.ReleasesCreated == 0 && run.Requests <= 6) : "—")} |");
        }
        text.AppendLine($"| 5 | App Store Connect: {AppleEconomyBench.Existing:N0} existing + {AppleEconomyBench.New} new devices = {AppleEconomyBench.ExpectedListPages} list pages + {AppleEconomyBench.New} creates | " +
                        $"{apple.ListPages} list pages (GET /v1/devices), {apple.Creates} creates (POST /v1/devices), {apple.Others} other; " +
                        $"{apple.Refused} not 2xx; {apple.Registered} device(s) registered | " +
                        $"{Verdict(apple is { ListPages: AppleEconomyBench.ExpectedListPages, Creates: AppleEconomyBench.New, Others: 0, Refused: 0, Registered: AppleEconomyBench.New })} |");
        text.AppendLine("| 6 | no wall-clock ceiling on transfers | HttpClient.Timeout infinite, per-attempt timeout off for transfers, stall watchdog instead (see docs/PERFORMANCE.md) | by design |");
        text.AppendLine();
        foreach (var run in api) text.AppendLine($"Fenfa {run.Run}: {run.Calls}");
        text.AppendLine();
        text.AppendLine($"App Store Connect, {AppleEconomyBench.Existing:N0} existing + {AppleEconomyBench.New} new devices: {apple.Calls}");
        return text.ToString();
    }

    /// <summary>Goal 4's image: the executable measured here, the base only as a published upper bound (see <see cref="ImageSize"/>).</summary>
    private static string ImageRow(ImageSize? image, string shipped)
    {
        var goal = $"image ≤ {ImageSize.GoalMb} MB compressed on {ImageSize.Base}";
        if (image is null) return $"| 4 | {goal} | not measured: `{shipped}` is not a native executable | — |";
        var binary = image.CompressedBytes / 1e6;
        var bound = binary + ImageSize.BaseUpperBoundMb;
        return $"| 4 | {goal} (MB = 10⁶ bytes) | binary {image.BinaryBytes / 1e6:0.00} MB, {binary:0.00} MB gzip (.NET Optimal, level 6) + base (not measured here; " +
               $"< {ImageSize.BaseUpperBoundMb:0.00} MB: a published Native AOT sample image on it, sample included), so < {bound:0.00} MB | binary only: {Verdict(binary <= ImageSize.GoalMb)} vs " +
               $"{ImageSize.GoalMb} MB; with the base's bound: {Verdict(bound <= ImageSize.GoalMb)} |";
    }

    private static double Median(IEnumerable<UploadRun> runs, string contender, Func<Measured, double> figure) =>
        Statistics.Median(runs.Where(u => u.Contender == contender).Select(u => figure(u.Figures)));

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
