using System.Diagnostics;
using System.Text.Json;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Hosting;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>SIGTERM while an upload is in flight, as a cancelled GitHub job sends it.</summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private readonly FenfaEmulator _fenfa = new() { AdminToken = "cancel-fenfa-admin" };
    private readonly GitHubActionRun _run = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("cipublisher-cancel-tmp-").FullName;

    public Task InitializeAsync() => _fenfa.StartAsync();

    public async Task DisposeAsync()
    {
        _run.Dispose();
        Directory.Delete(_temp, recursive: true);
        await _fenfa.DisposeAsync();
    }

    [Fact]
    public async Task SigtermDuringAnUpload_StopsPromptly_ReportsWhatFinished_LeavesNoTempFiles_ExitsOneThirty()
    {
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa(paddingBytes: 1024 * 1024));
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk(paddingBytes: 1024 * 1024));
        _run.Environment["TMPDIR"] = _temp;
        _run.Input("artifacts", "build/*.ipa\nbuild/*.apk").Input("max-parallel", "1")
            .Input("fenfa-url", _fenfa.BaseUrl.ToString()).Input("fenfa-token", "cancel-fenfa-admin").Input("fenfa-product", "lumen");
        // The preflight and the first upload pass; the second upload hangs until the run is stopped.
        _fenfa.Faults.Add(Fault.Slow("POST", "/upload", TimeSpan.FromMinutes(5)).After(2));
        var secondUpload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploads = 0;
        _fenfa.RequestArrived += (method, path) =>
        {
            if (method == "POST" && path == "/upload" && Interlocked.Increment(ref uploads) == 3) secondUpload.TrySetResult();
        };
        var stopping = new Stopwatch();

        var run = await _run.RunAsync([], async process =>
        {
            await secondUpload.Task.WaitAsync(TimeSpan.FromMinutes(1));
            stopping.Start();
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }, CancellationToken.None);
        stopping.Stop();

        run.ExitCode.Should().Be(130, run.Stderr + run.Stdout);
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the run stops promptly");
        _fenfa.Releases.Should().ContainSingle("the first upload finished, the second was stopped");
        var finished = _fenfa.Releases.Single().ClientFileName;
        run.Summary.Should().Contain("Cancelled").And.Contain(finished);
        var result = JsonDocument.Parse(run.Outputs["result"]).RootElement;
        result.GetProperty("cancelled").GetBoolean().Should().BeTrue();
        result.GetRawText().Should().Contain(finished, "what finished is reported");
        Directory.EnumerateFileSystemEntries(_temp, "*", SearchOption.AllDirectories).Should().BeEmpty("no temp file is left");
        Directory.EnumerateFiles(_run.Workspace, "*", SearchOption.AllDirectories).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["Lumen.ipa", "app-release.apk"], "nothing else is left in the workspace");
    }
}
