using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>
/// A developer's terminal: outputs printed, the summary printed and written to a file
/// (CIPUBLISHER_SUMMARY_FILE, default cipublisher-summary.md in the current folder).
/// </summary>
public sealed class LocalPlatform(IReadOnlyDictionary<string, string> environment, TextWriter stdout, bool interactive, string currentDirectory)
    : ICiPlatform
{
    public string Name => "local";

    public bool IsInteractive => interactive;

    public string SummaryPath => environment.GetValueOrDefault("CIPUBLISHER_SUMMARY_FILE") is { Length: > 0 } path
        ? Path.GetFullPath(path, currentDirectory)
        : Path.Combine(currentDirectory, "cipublisher-summary.md");

    // Nothing to tell a terminal: the program redacts secrets from everything it writes.
    public void Mask(string value) { }

    public void SetOutput(string name, string value)
    {
        if (value.Contains('\n')) return; // the multi-line JSON outputs are in the summary file's reach; keep the terminal readable
        stdout.WriteLine($"output {name}={value}");
    }

    public void AppendSummary(string markdown)
    {
        File.AppendAllText(SummaryPath, markdown);
        stdout.WriteLine();
        stdout.WriteLine(markdown);
        stdout.WriteLine($"(summary written to {SummaryPath})");
    }

    public string FormatLogLine(LogLevel level, string message) => level switch
    {
        LogLevel.Error or LogLevel.Critical => "error: " + message,
        LogLevel.Warning => "warning: " + message,
        _ => message,
    };

    public void BeginGroup(string title) => stdout.WriteLine($"== {title}");

    public void EndGroup() { }

    public RunContext ReadContext() => new() { Platform = "local" };
}
