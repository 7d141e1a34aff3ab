using System.IO.Compression;
using System.Text;
using CiPublisher.Emulators.AltStore;

namespace CiPublisher.Bench;

/// <summary>One download and unpacking of a processed ADP, by the program or by curl and unzip.</summary>
internal sealed record AdpRun(long Size, string Contender, Measured Figures);

/// <summary>
/// The ADP path (<c>altstore-adp-dir</c>) against the AltStore emulator, with a variant of the given size: peak memory
/// must not grow with the package (it is streamed to disk, unpacked entry by entry with SHA-256 and CRC-32 on the way).
/// The program's wall time includes its first status poll (about 10 s, AltStore's processing takes minutes).
/// </summary>
internal static class AdpHostingBench
{
    public static async Task<IReadOnlyList<AdpRun>> RunAsync(Options options, string program, IReadOnlyDictionary<long, string> files)
    {
        var runs = new List<AdpRun>();
        var scratch = Directory.CreateDirectory(Path.Combine(options.Work, "adp-scratch")).FullName;
        await using var altstore = new AltStoreEmulator { PollsUntilDone = 1 };
        await altstore.StartAsync();
        using var http = new HttpClient { BaseAddress = altstore.BaseUrl };
        foreach (var (size, file) in files.OrderBy(f => f.Key))
        {
            var adpId = $"bench-{size}";
            altstore.PackageFiles[adpId] = Package(file, Path.Combine(options.Work, $"{adpId}.zip"));
            for (var round = 0; round < options.Reps; round++)
            {
                var curlDir = Path.Combine(options.Work, $"curl-{adpId}-{round}");
                using (var trigger = await http.PostAsync("adps", new StringContent($$"""{"adpID":"{{adpId}}"}""", Encoding.UTF8, "application/json")))
                    trigger.EnsureSuccessStatusCode();
                var zip = Path.Combine(options.Work, "curl.zip");
                var curl = $"curl -sS -f -o {Contender.Quote(zip)} '{altstore.DownloadUrlOf(adpId)}' && unzip -q -o {Contender.Quote(zip)} -d {Contender.Quote(curlDir)}";
                runs.Add(new AdpRun(size, "curl && unzip", await RunAsync(curl, scratch)));
                File.Delete(zip);
                Directory.Delete(curlDir, recursive: true);

                var ourDir = Path.Combine(options.Work, $"ours-{adpId}-{round}");
                var ours = $"{Contender.Launch(program)} altstore --altstore-adp-id {adpId} --altstore-api-url {altstore.BaseUrl} " +
                           $"--altstore-adp-dir {Contender.Quote(ourDir)}";
                runs.Add(new AdpRun(size, "cipublisher", await RunAsync(ours, scratch)));
                Directory.Delete(ourDir, recursive: true);
                Console.Error.WriteLine($"  ADP {Sizes.Label(size),8} {runs[^2].Figures.PeakRssMb,6:0.0} MB (curl && unzip) {runs[^1].Figures.PeakRssMb,6:0.0} MB (cipublisher)");
            }
            File.Delete(altstore.PackageFiles[adpId]);
        }
        return runs;
    }

    /// <summary>An ADP zip whose one variant is <paramref name="variant"/>, copied in stored (as big on disk as it is).</summary>
    private static string Package(string variant, string zipPath)
    {
        using var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create);
        const string VariantPath = "variant/00000000-0000-0000-0000-000000000001.ipa";
        using (var manifest = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            manifest.Write($$"""{"bundleId":"bench.app","shortVersionString":"1.0","bundleVersion":"1","variants":[{"publicId":"00000000-0000-0000-0000-000000000001","assetPath":"{{VariantPath}}"}]}""");
        using (var signature = zip.CreateEntry("signature").Open()) signature.Write(new byte[1024]);
        using (var entry = zip.CreateEntry(VariantPath, CompressionLevel.NoCompression).Open())
        using (var source = File.OpenRead(variant))
            source.CopyTo(entry);
        return zipPath;
    }

    private static async Task<Measured> RunAsync(string command, string scratch)
    {
        var figures = await Measured.RunAsync(command, scratch);
        if (figures.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited {figures.ExitCode}: {Measured.StderrOf(scratch)}");
        return figures;
    }
}
