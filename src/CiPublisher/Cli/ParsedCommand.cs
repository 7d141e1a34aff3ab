namespace CiPublisher.Cli;

/// <summary>What the command line asked for: a verb and its options, or an exit code with text to show.</summary>
public sealed record ParsedCommand(string Verb, InputOptions? Options, AltStoreOptions? AltStore)
{
    public int? ExitCode { get; init; }
    public string? Message { get; init; }

    /// <summary>What is wrong with the command line, in a line (for the report); null when nothing is.</summary>
    public string? Problem { get; init; }

    public static ParsedCommand Exit(int code, string message, string? problem = null) =>
        new("", null, null) { ExitCode = code, Message = message, Problem = problem };
}
