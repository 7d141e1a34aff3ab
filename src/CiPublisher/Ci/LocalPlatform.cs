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

    /// <summary>CIPUBLISHER_DEBUG=1 (or true) in a terminal.</summary>
    public bool MayShowSecretOnce => true;

    public bool IsDebug => environment.GetValueOrDefault("CIPUBLISHER_DEBUG") is "1" or "true";

    public string SummaryPath => environment.GetValueOrDefault("CIPUBLISHER_SUMMARY_FILE") is { Length: > 0 } path
        ? Path.GetFullPath(path, currentDirectory)
        : Path.Combine(currentDirectory, "cipublisher-summary.md");

    // Nothing to tell a terminal: the program redacts secrets from everything it writes.
    public void Mask(string value) { }

    /// <summary>Where the JSON outputs (<c>result</c>, <c>releases</c>) go, beside the summary: too long for a terminal.</summary>
    public string OutputsPath => Path.ChangeExtension(SummaryPath, ".outputs.json");

    private readonly Dictionary<string, string> _jsonOutputs = [];

    public void SetOutput(string name, string value)
    {
        if (!value.StartsWith('{') && !value.StartsWith('['))
        {
            stdout.WriteLine($"output {name}={value}");
            return;
        }
        _jsonOutputs[name] = value;
        File.WriteAllText(OutputsPath, "{" + string.Join(",", _jsonOutputs.Select(o => $"\n  \"{o.Key}\": {o.Value}")) + "\n}\n");
        stdout.WriteLine($"output {name}: JSON, written to {OutputsPath}");
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
