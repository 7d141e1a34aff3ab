using System.Diagnostics;

namespace CiPublisher.Bench;

/// <param name="LimitMs">Goal 4's ceiling for this command's median, or null for a reference (curl, a baseline).</param>
internal sealed record StartupCommand(string Name, double? LimitMs, string FileName, params string[] Arguments);

internal sealed record StartupResult(string Name, double? LimitMs, double MedianMs, double MinMs);

/// <summary>Goal 4: wall time from exec to exit of a command that does nothing but start, interleaved, median.</summary>
internal static class StartupBench
{
    /// <summary>Goal 4: <c>version</c> of the Native AOT build, in ms.</summary>
    public const double NativeAotLimitMs = 50;

    /// <summary>Goal 4: <c>version</c> of a JIT build (<c>dotnet cipublisher.dll</c>), in ms.</summary>
    public const double JitLimitMs = 150;

    public static async Task<IReadOnlyList<StartupResult>> RunAsync(IReadOnlyList<StartupCommand> commands, int runs)
    {
        var times = commands.ToDictionary(c => c.Name, _ => new List<double>());
        foreach (var command in commands) await TimeAsync(command); // warm the page cache
        for (var run = 0; run < runs; run++)
        {
            foreach (var command in commands) times[command.Name].Add(await TimeAsync(command));
        }
        return commands.Select(c => new StartupResult(c.Name, c.LimitMs, Statistics.Median(times[c.Name]), times[c.Name].Min())).ToArray();
    }

    private static async Task<double> TimeAsync(StartupCommand command)
    {
        var start = new ProcessStartInfo(command.FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command.Name} exited {process.ExitCode}: {await errors}{await output}");
        return elapsed;
    }
}
