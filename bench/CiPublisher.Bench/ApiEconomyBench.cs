using CiPublisher.Emulators.Fenfa;

namespace CiPublisher.Bench;

internal sealed record ApiRun(string Run, int Requests, int Reads, int Writes, int UploadPosts, int ReleasesCreated, string Calls);

/// <summary>
/// Goal 5 (Fenfa): publish one artifact with an admin token and a product slug, then publish it again.
/// The second run should find it and make no upload, with a handful of reads.
/// </summary>
internal static class ApiEconomyBench
{
    public static async Task<IReadOnlyList<ApiRun>> RunAsync(Options options, string program)
    {
        var storage = Path.Combine(options.Work, "fenfa-api");
        var scratch = Directory.CreateDirectory(Path.Combine(options.Work, "scratch")).FullName;
        var file = Path.Combine(options.Work, "api-app.dmg");
        await File.WriteAllBytesAsync(file, new byte[1024 * 1024]);
        var runs = new List<ApiRun>();
        await using (var emulator = new FenfaEmulator(storageDirectory: storage))
        {
            await emulator.StartAsync();
            var command = $"{Contender.Launch(program)} publish --artifacts {Contender.Quote(file)} --fenfa-url {emulator.BaseUrl} " +
                          $"--fenfa-token {emulator.AdminToken} --fenfa-product bench-app --fenfa-product-name 'Bench App' --version 1.0.0 --build-number 7";
            foreach (var name in new[] { "first run (creates product, variant, release)", "re-run (everything published)" })
            {
                var requestsBefore = emulator.Journal.Count;
                var releasesBefore = emulator.Releases.Count;
                var figures = await Measured.RunAsync(command, scratch);
                if (figures.ExitCode != 0) throw new InvalidOperationException($"{name} exited {figures.ExitCode}: {Measured.StderrOf(scratch)}");
                var entries = emulator.Journal.Entries.Skip(requestsBefore).ToArray();
                runs.Add(new ApiRun(name, entries.Length,
                    entries.Count(e => e.Method == "GET"),
                    entries.Count(e => e.Method != "GET"),
                    entries.Count(e => e.Method == "POST" && e.Path == "/upload"),
                    emulator.Releases.Count - releasesBefore,
                    string.Join(", ", entries.Select(e => $"{e.Method} {e.Path} {e.StatusCode}"))));
            }
        }
        File.Delete(file);
        Directory.Delete(storage, recursive: true);
        return runs;
    }
}
