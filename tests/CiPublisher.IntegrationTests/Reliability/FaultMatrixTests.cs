using System.Text.Json;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>
/// The fault matrix: every cell of <see cref="FaultCell.All"/> against one target, the real program run as GitHub runs it.
/// Each cell ends retried-and-succeeded with exactly one thing created, or failed with a clear message and nothing created.
/// </summary>
public abstract class FaultMatrixTests<TTarget> where TTarget : MatrixTarget, new()
{
    [Theory]
    [MemberData(nameof(FaultCell.Names), MemberType = typeof(FaultCell))]
    public async Task Cell(string name)
    {
        var cell = FaultCell.Named(name);
        await using var target = new TTarget();
        using var run = new GitHubActionRun();
        await target.StartAsync(run);
        run.Input("retry-max-attempts", FaultCell.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Input("request-timeout", "3s"); // generous: a loaded CI machine must not time out the calls the other cells fault
        var call = cell.OnCreate ? target.Create : target.Read;
        target.Emulator.Faults.Add(cell.Fault(call), cell.Times);

        var result = await run.RunAsync();

        var said = Said(result);
        if (target.Gaps.TryGetValue(name, out var gapExit))
        {
            result.ExitCode.Should().Be(gapExit, said);
            target.Created.Should().BeLessThanOrEqualTo(1, "even a gap creates no duplicate");
            return;
        }
        target.Emulator.Faults.PendingCount.Should().Be(0, "every fault of the cell struck");
        target.Created.Should().BeLessThanOrEqualTo(1, "no cell creates a duplicate");
        if (cell.Expected == Expected.RetriedAndSucceeded)
        {
            result.ExitCode.Should().Be(0, said);
            target.Created.Should().Be(1, said);
            return;
        }

        result.ExitCode.Should().Be(1, said);
        target.Created.Should().Be(0);
        target.Emulator.Journal.CountOf(call.Method, call.Path).Should().BeLessThanOrEqualTo(cell.MostSends + call.Skip, "a failure that retrying cannot cure is not retried");
        said.Should().NotBeNullOrWhiteSpace();
        if (cell.Says is { } fragment) said.Should().ContainEquivalentOf(fragment);
    }

    /// <summary>The failure reasons the result reports (target and items), what a user reads to know what happened.</summary>
    private static string Said(ProgramRun run)
    {
        if (!run.Outputs.TryGetValue("result", out var json)) return run.Stderr + run.Stdout;
        var reasons = new List<string>();
        Collect(JsonDocument.Parse(json).RootElement, reasons);
        return string.Join("\n", reasons);
    }

    private static void Collect(JsonElement element, List<string> reasons)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Collect(item, reasons);
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "reason" or "error" && property.Value.ValueKind == JsonValueKind.String) reasons.Add(property.Value.GetString()!);
            else Collect(property.Value, reasons);
        }
    }
}

public sealed class FenfaFaultMatrixTests : FaultMatrixTests<FenfaMatrixTarget>;

public sealed class AptoideFaultMatrixTests : FaultMatrixTests<AptoideMatrixTarget>;

public sealed class GitHubFaultMatrixTests : FaultMatrixTests<GitHubMatrixTarget>;

public sealed class AppleDevicesFaultMatrixTests : FaultMatrixTests<AppleMatrixTarget>;

public sealed class AltStoreFaultMatrixTests : FaultMatrixTests<AltStoreMatrixTarget>;
