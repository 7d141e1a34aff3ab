using CiPublisher.Emulators.GitHub;

namespace CiPublisher.Bench;

/// <summary>One upload of a file as a GitHub release asset, by the program or by curl streaming it (<c>-T</c>).</summary>
internal sealed record AssetRun(long Size, string Contender, Measured Figures);

/// <summary>
/// The release-asset path (<c>github-release-assets</c>) against the GitHub emulator: wall time and, above all, peak
/// memory, which must not grow with the file (Octokit's upload model is not used: the file is streamed).
/// </summary>
internal static class ReleaseAssetBench
{
    private const string Token = "bench-github-token";
    private const string Repository = "bench/app";

    public static async Task<IReadOnlyList<AssetRun>> RunAsync(Options options, string program, IReadOnlyDictionary<long, string> files)
    {
        var runs = new List<AssetRun>();
        var scratch = Directory.CreateDirectory(Path.Combine(options.Work, "assets-scratch")).FullName;
        await using var github = new GitHubEmulator(Token);
        await github.StartAsync();
        github.AddRepository(Repository);
        var version = 0;
        foreach (var (size, file) in files.OrderBy(f => f.Key))
        {
            for (var round = 0; round < options.Reps; round++)
            {
                var curlRelease = github.SeedRelease(Repository, $"curl-{++version}", null);
                var curl = $"curl -sS -f -o /dev/null -X POST -H 'Authorization: Bearer {Token}' -H 'Content-Type: application/octet-stream' " +
                           $"-T {Contender.Quote(file)} '{github.BaseUrl}uploads/repos/{Repository}/releases/{curlRelease.Id}/assets?name=app.bin'";
                runs.Add(new AssetRun(size, "curl -T (streams, no hash)", await RunAsync(curl, scratch)));
                var ours = $"{Contender.Launch(program)} publish --artifacts {Contender.Quote(file)} --github-token {Token} " +
                           $"--github-api-url {github.BaseUrl} --github-repository {Repository} --github-release-assets true " +
                           $"--github-release-checksums false --version 1.0.{++version}";
                runs.Add(new AssetRun(size, "cipublisher", await RunAsync(ours, scratch)));
                Console.Error.WriteLine($"  release asset {Sizes.Label(size),8} {runs[^2].Figures.PeakRssMb,6:0.0} MB (curl) {runs[^1].Figures.PeakRssMb,6:0.0} MB (cipublisher)");
            }
        }
        return runs;
    }

    private static async Task<Measured> RunAsync(string command, string scratch)
    {
        var figures = await Measured.RunAsync(command, scratch);
        if (figures.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited {figures.ExitCode}: {Measured.StderrOf(scratch)}");
        return figures;
    }
}
