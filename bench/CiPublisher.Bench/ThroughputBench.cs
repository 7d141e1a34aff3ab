using System.Diagnostics;
using CiPublisher.Emulators.Fenfa;

namespace CiPublisher.Bench;

/// <summary>One upload; <c>ServerCpuSeconds</c> is the CPU the server (hosted in this driver) spent meanwhile.</summary>
internal sealed record UploadRun(string Server, long Size, string Contender, Measured Figures, double ServerCpuSeconds, bool? Chunked = null);

/// <summary>
/// Goals 1-3: every contender uploads the same file to the same server, interleaved: each round runs all
/// of them, and the order rotates from round to round so none always goes first (cold) or last.
/// </summary>
internal sealed class ThroughputBench(Options options, IReadOnlyList<Contender> contenders)
{
    private long _build = 1000;

    public async Task<IReadOnlyList<UploadRun>> RunAsync(IReadOnlyDictionary<long, string> files)
    {
        var runs = new List<UploadRun>();
        await using (var sink = new DrainSink())
        {
            await sink.StartAsync();
            var target = new UploadTarget(sink.BaseUrl, "var_sink", "dev-upload-token");
            runs.AddRange(await RunServerAsync("sink (drain)", target, files, afterEach: () => { }, () => sink.ChunkedBodies));
        }
        var storage = Path.Combine(options.Work, "fenfa-storage");
        await using (var emulator = new FenfaEmulator(storageDirectory: storage))
        {
            await emulator.StartAsync();
            var product = emulator.SeedProduct("Bench App", "bench-app");
            var variant = emulator.SeedVariant(product.Id, "macos");
            var target = new UploadTarget(emulator.BaseUrl, variant.Id, emulator.UploadToken);
            runs.AddRange(await RunServerAsync("Fenfa emulator (to disk)", target, files, afterEach: () => DeleteUploads(storage), chunkedBodies: null));
        }
        Directory.Delete(storage, recursive: true);
        return runs;
    }

    private async Task<List<UploadRun>> RunServerAsync(string server, UploadTarget target, IReadOnlyDictionary<long, string> files, Action afterEach,
        Func<int>? chunkedBodies)
    {
        var runs = new List<UploadRun>();
        var scratch = Directory.CreateDirectory(Path.Combine(options.Work, "scratch")).FullName;
        foreach (var (size, file) in files.OrderBy(f => f.Key))
        {
            // One unmeasured round: page cache, disk cache of the runtime, Kestrel's first request.
            foreach (var contender in contenders) await RunOnceAsync(contender, file, target, scratch, afterEach);
            for (var round = 0; round < options.Reps; round++)
            {
                for (var i = 0; i < contenders.Count; i++)
                {
                    var contender = contenders[(round + i) % contenders.Count];
                    var chunkedBefore = chunkedBodies?.Invoke();
                    var serverCpuBefore = DriverCpuSeconds();
                    var figures = await RunOnceAsync(contender, file, target, scratch, afterEach);
                    var serverCpu = DriverCpuSeconds() - serverCpuBefore;
                    runs.Add(new UploadRun(server, size, contender.Name, figures, serverCpu, chunkedBodies is null ? null : chunkedBodies() > chunkedBefore));
                    Console.Error.WriteLine($"  {server,-26} {Sizes.Label(size),8} {contender.Name,-34} {figures.WallSeconds,7:0.000}s {figures.PeakRssMb,6:0.0} MB");
                }
            }
        }
        return runs;
    }

    private async Task<Measured> RunOnceAsync(Contender contender, string file, UploadTarget target, string scratch, Action afterEach)
    {
        var figures = await Measured.RunAsync(contender.Command(file, Interlocked.Increment(ref _build), target), scratch);
        afterEach();
        if (figures.ExitCode != 0)
            throw new InvalidOperationException($"{contender.Name} exited {figures.ExitCode}: {Measured.StderrOf(scratch)}");
        return figures;
    }

    /// <summary>
    /// CPU of this process, which hosts the server: with the client's CPU it shows whether two cores were saturated,
    /// when the client's own work (the hash) is taken from the server's.
    /// </summary>
    private static double DriverCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    private static void DeleteUploads(string storage)
    {
        foreach (var file in Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories)) File.Delete(file);
    }
}
