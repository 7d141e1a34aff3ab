using System.Diagnostics;

namespace CiPublisher.IntegrationTests.Harness;

/// <summary>
/// Runs the real program as GitHub's runner runs the container: a workspace folder, INPUT_* variables,
/// GITHUB_* variables and fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Nothing of the test
/// process's own environment leaks in but what <c>dotnet</c> needs.
/// </summary>
public sealed class GitHubActionRun : IDisposable
{
    private static readonly string[] Inherited = ["PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "TMPDIR", "NUGET_PACKAGES"];

    public GitHubActionRun()
    {
        Workspace = Directory.CreateTempSubdirectory("cipublisher-ws-").FullName;
        Files = Directory.CreateTempSubdirectory("cipublisher-runner-").FullName;
        Environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_OUTPUT"] = Path.Combine(Files, "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(Files, "summary"),
            ["GITHUB_REPOSITORY"] = "octo-org/lumen",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
            ["GITHUB_REF"] = "refs/tags/v2.4.1",
            ["GITHUB_REF_NAME"] = "v2.4.1",
            ["GITHUB_REF_TYPE"] = "tag",
            ["GITHUB_EVENT_NAME"] = "push",
            ["INPUT_RETRY-BASE-DELAY"] = "0.05s",
        };
    }

    public string Workspace { get; }
    private string Files { get; }
    public Dictionary<string, string> Environment { get; }

    /// <summary>Sets an action input as the runner does: INPUT_ + the name upper-cased, hyphens kept.</summary>
    public GitHubActionRun Input(string name, string value)
    {
        Environment["INPUT_" + name.ToUpperInvariant()] = value;
        return this;
    }

    public string AddFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string CopyIn(string source, string? relativePath = null)
    {
        var target = Path.Combine(Workspace, relativePath ?? Path.GetFileName(source));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return target;
    }

    /// <summary>Makes the next runs a pull_request run of pull request <paramref name="number"/>, as the runner sets one up.</summary>
    public GitHubActionRun AsPullRequest(int number)
    {
        Environment["GITHUB_EVENT_NAME"] = "pull_request";
        Environment["GITHUB_EVENT_PATH"] = AddFile("event.json", System.Text.Encoding.UTF8.GetBytes("{\"pull_request\": {\"number\": " + number + "}}"));
        Environment["GITHUB_REF"] = $"refs/pull/{number}/merge";
        Environment["GITHUB_REF_NAME"] = $"{number}/merge";
        Environment["GITHUB_REF_TYPE"] = "branch";
        return this;
    }

    public async Task<ProgramRun> RunAsync(params string[] args) => await RunAsync(args, null, CancellationToken.None);

    /// <summary>Runs to the end; <paramref name="whileRunning"/> may act on the live process (signal it).</summary>
    public async Task<ProgramRun> RunAsync(string[] args, Func<Process, Task>? whileRunning, CancellationToken cancellationToken)
    {
        ClearRunnerFiles();
        var start = ProgramUnderTest.Start(args);
        start.WorkingDirectory = Workspace;
        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (whileRunning is not null) await whileRunning(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3)); // a hung program fails its test instead of the whole suite
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return await CollectAsync(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs the program in this process on a fake clock, moved on until the run ends: for runs that would spend their
    /// time waiting on the program's own clock (AltStore is first asked about an ADP after about 10 s). With
    /// <see cref="ProgramUnderTest.Variable"/> set, the binary it names runs as a process on real time instead, as it ships.
    /// </summary>
    public async Task<ProgramRun> RunOnFakeTimeAsync(params string[] args)
    {
        if (ProgramUnderTest.Executable is not null) return await RunAsync(args);
        ClearRunnerFiles();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var time = new DelayAwareClock(DateTimeOffset.UtcNow);
        var app = new App(new Dictionary<string, string>(Environment), TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr),
            interactive: false, Workspace, time);
        var exitCode = await time.RunUntilDoneAsync(app.RunAsync(args, CancellationToken.None));
        return await CollectAsync(exitCode, stdout.ToString(), stderr.ToString());
    }

    private void ClearRunnerFiles()
    {
        File.Delete(Environment["GITHUB_OUTPUT"]);
        File.Delete(Environment["GITHUB_STEP_SUMMARY"]);
    }

    /// <summary>What the runner keeps of a run: its exit code, its log and the output and summary files.</summary>
    private async Task<ProgramRun> CollectAsync(int exitCode, string stdout, string stderr)
    {
        var outputFile = Environment["GITHUB_OUTPUT"];
        var summaryFile = Environment["GITHUB_STEP_SUMMARY"];
        return new ProgramRun(exitCode, stdout, stderr,
            File.Exists(outputFile) ? GitHubFileCommandParser.Parse(await File.ReadAllTextAsync(outputFile)) : new Dictionary<string, string>(),
            File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile) : "");
    }

    public void Dispose()
    {
        Directory.Delete(Workspace, recursive: true);
        Directory.Delete(Files, recursive: true);
    }
}
