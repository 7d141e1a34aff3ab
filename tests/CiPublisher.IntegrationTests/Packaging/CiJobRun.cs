using System.Diagnostics;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Packaging;

/// <summary>
/// Runs the real program as the <c>ci</c> image runs in an Azure Pipelines or GitLab CI job: a checkout folder
/// as the working directory, the platform's own variables and CIPUBLISHER_* inputs, no GITHUB_* variable.
/// </summary>
public sealed class CiJobRun : IDisposable
{
    private static readonly string[] Inherited = ["PATH", "DOTNET_ROOT", "DOTNET_CLI_HOME", "TMPDIR", "NUGET_PACKAGES"];

    public CiJobRun(IReadOnlyDictionary<string, string> platformVariables)
    {
        Checkout = Directory.CreateTempSubdirectory("cipublisher-job-").FullName;
        Temp = Directory.CreateTempSubdirectory("cipublisher-agent-").FullName;
        Environment = new Dictionary<string, string>(platformVariables) { ["CI"] = "true", ["HOME"] = Temp };
    }

    public string Checkout { get; }
    public string Temp { get; }
    public Dictionary<string, string> Environment { get; }

    public CiJobRun Input(string name, string value)
    {
        Environment["CIPUBLISHER_" + name.Replace('-', '_').ToUpperInvariant()] = value;
        return this;
    }

    public void AddFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(Checkout, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = ProgramUnderTest.Start(args);
        start.WorkingDirectory = Checkout;
        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        Directory.Delete(Checkout, recursive: true);
        Directory.Delete(Temp, recursive: true);
    }
}
