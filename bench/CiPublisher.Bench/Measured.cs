using System.Diagnostics;
using System.Globalization;

namespace CiPublisher.Bench;

/// <summary>One run of one command: wall time, CPU, peak RSS (GNU time) and bytes read (/proc io counters).</summary>
internal sealed record Measured(double WallSeconds, double CpuSeconds, double PeakRssMb, long ReadChars, long StorageReadBytes, int ExitCode)
{
    /// <summary>
    /// Runs <paramref name="shellCommand"/> under <c>/usr/bin/time</c> inside a shell that prints its own
    /// <c>/proc/self/io</c> last: the kernel adds a reaped child's counters to its parent's, so they cover the command.
    /// </summary>
    public static async Task<Measured> RunAsync(string shellCommand, string scratch, IReadOnlyDictionary<string, string>? environment = null)
    {
        var timeFile = Path.Combine(scratch, "time.txt");
        var ioFile = Path.Combine(scratch, "io.txt");
        var script = $"{shellCommand} >/dev/null 2>{Path.Combine(scratch, "stderr.txt")}; rc=$?; cat /proc/$$/io > {ioFile}; exit $rc";
        // The scratch folder as working directory: a local run of the program writes its summary file there.
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = scratch };
        foreach (var arg in new[] { "-f", "%M %U %S", "-o", timeFile, "sh", "-c", script }) start.ArgumentList.Add(arg);
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;

        var time = (await File.ReadAllLinesAsync(timeFile)).Last().Split(' ');
        var io = (await File.ReadAllLinesAsync(ioFile)).Select(l => l.Split(": ")).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        return new Measured(wall,
            double.Parse(time[1], CultureInfo.InvariantCulture) + double.Parse(time[2], CultureInfo.InvariantCulture),
            long.Parse(time[0], CultureInfo.InvariantCulture) / 1024.0,
            io["rchar"], io["read_bytes"], process.ExitCode);
    }

    public static string StderrOf(string scratch) => File.ReadAllText(Path.Combine(scratch, "stderr.txt"));
}
