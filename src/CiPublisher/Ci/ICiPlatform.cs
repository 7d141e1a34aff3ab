using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>How the program talks back to the CI system it runs in. One adapter per platform.</summary>
public interface ICiPlatform
{
    string Name { get; }

    /// <summary>Whether a person watches a terminal (live progress bar, colours).</summary>
    bool IsInteractive { get; }

    /// <summary>Whether the user asked the CI system for debug logs (its own switch), so debug lines are written.</summary>
    bool IsDebug { get; }

    /// <summary>
    /// Whether a secret the run creates (an AltStore security token) may be shown once to the person running it; a CI
    /// log is kept and shared, so there it goes to a file instead.
    /// </summary>
    bool MayShowSecretOnce { get; }

    /// <summary>Tells the platform to hide this value from its logs. Called before the value could be printed.</summary>
    void Mask(string value);

    void SetOutput(string name, string value);

    void AppendSummary(string markdown);

    /// <summary>A log line as this platform shows it: warnings and errors become annotations where it has them.</summary>
    string FormatLogLine(LogLevel level, string message);

    void BeginGroup(string title);

    void EndGroup();

    /// <summary>Repository, ref, commit, run URL and pull request, from the platform's own variables.</summary>
    RunContext ReadContext();
}
