using System.Text.Json;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Packaging;

/// <summary>
/// The published program run the way GitHub's runner runs the container action (contract ci-platforms §1.1):
/// the workspace as working directory, HOME and the event file in their own folders, INPUT_* with hyphens kept,
/// file-command paths for outputs and summary. No Docker engine is needed to check this contract.
/// </summary>
public sealed class GitHubContainerContractTests : IDisposable
{
    private const string Token = "fenfa-tok-7c1e9a44d2b8-canary";
    private readonly GitHubActionRun _run = new();
    private readonly string _runnerFolders = Directory.CreateTempSubdirectory("cipublisher-github-").FullName;

    public GitHubContainerContractTests()
    {
        var home = Directory.CreateDirectory(Path.Combine(_runnerFolders, "home")).FullName;
        var workflow = Directory.CreateDirectory(Path.Combine(_runnerFolders, "workflow")).FullName;
        var fileCommands = Directory.CreateDirectory(Path.Combine(_runnerFolders, "file_commands")).FullName;
        File.WriteAllText(Path.Combine(workflow, "event.json"), """{"ref":"refs/tags/v2.4.1","repository":{"full_name":"octo-org/lumen"}}""");
        _run.Environment["HOME"] = home;
        _run.Environment["GITHUB_EVENT_PATH"] = Path.Combine(workflow, "event.json");
        _run.Environment["GITHUB_OUTPUT"] = Path.Combine(fileCommands, "set_output_5b9c");
        _run.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(fileCommands, "step_summary_5b9c");
        _run.Environment["RUNNER_TEMP"] = Path.Combine(_runnerFolders, "temp");
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        _run.AddFile("build/app-release.apk", SampleArtifacts.Apk());
        // Every declared input arrives, empty when the workflow does not set it (runner source, ActionRunner.cs).
        foreach (var input in global::CiPublisher.Cli.InputCatalog.All) _run.Input(input.Name, input.Default ?? "");
        _run.Input("retry-base-delay", "0.05s").Input("artifacts", "build/*.ipa\nbuild/*.apk");
    }

    public void Dispose()
    {
        _run.Dispose();
        Directory.Delete(_runnerFolders, recursive: true);
    }

    [Fact]
    public async Task Inspect_FindsTheArtifactsRelativeToTheWorkspace_AndPrintsTheirMetadata()
    {
        _run.Input("command", "inspect");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr);
        var artifacts = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
        artifacts.Select(a => a.GetProperty("fileName").GetString()).Should().BeEquivalentTo("Lumen.ipa", "app-release.apk");
        artifacts.Should().OnlyContain(a => a.GetProperty("identifier").GetString() == "com.example.lumen"
                                            && a.GetProperty("sha256").GetString()!.Length == 64);
    }

    [Fact]
    public async Task DryRunPublish_WritesOutputsAndSummaryThroughTheFileCommands_AndMasksTheToken()
    {
        _run.Input("fenfa-url", "https://fenfa.example.com").Input("fenfa-token", Token).Input("fenfa-product", "lumen").Input("dry-run", "true");

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        run.Stdout.Split('\n')[0].TrimEnd('\r').Should().Be($"::add-mask::{Token}", "the mask goes out before anything else is printed");
        run.Everything.Should().NotContain(Token);
        var result = JsonDocument.Parse(run.Outputs["result"]).RootElement;
        result.GetProperty("dryRun").GetBoolean().Should().BeTrue();
        result.GetProperty("artifacts").GetArrayLength().Should().Be(2);
        JsonDocument.Parse(run.Outputs["releases"]).RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        run.Summary.Should().Contain("dry run").And.Contain("Lumen");
    }
}
