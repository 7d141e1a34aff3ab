namespace CiPublisher.IntegrationTests.Harness;

/// <summary>What one run of the real program left behind.</summary>
public sealed record ProgramRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary)
{
    /// <summary>
    /// Everything a reader of the log, the summary or the outputs would see, for secret checks. The runner
    /// consumes <c>::add-mask::</c> commands instead of showing them, so those lines are left out.
    /// </summary>
    public string Everything => string.Join("\n", Shown(Stdout), Shown(Stderr), Summary, string.Join("\n", Outputs.Select(o => $"{o.Key}={o.Value}")));

    /// <summary>The values the run asked the runner to mask, in order.</summary>
    public IReadOnlyList<string> Masked => [.. Stdout.Split('\n').Where(IsMaskCommand).Select(l => l.TrimEnd('\r')["::add-mask::".Length..])];

    private static bool IsMaskCommand(string line) => line.StartsWith("::add-mask::", StringComparison.Ordinal);

    private static string Shown(string log) => string.Join("\n", log.Split('\n').Where(l => !IsMaskCommand(l)));
}
