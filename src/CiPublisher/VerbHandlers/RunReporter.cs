using CiPublisher.Ci;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;

namespace CiPublisher.VerbHandlers;

/// <summary>Ends every run the same way: a report of what happened, written as outputs and a job summary.</summary>
public sealed class RunReporter(ICiPlatform platform, SecretRegistry secrets, TimeProvider time, TextWriter stderr, DateTimeOffset started)
{
    public RunReport Report(string verb, IReadOnlyList<ArtifactInfo> artifacts, IReadOnlyList<TargetResult> targets,
        string? error = null, bool dryRun = false, bool cancelled = false) => new()
        {
            Command = verb,
            Artifacts = artifacts,
            Targets = targets,
            StartedAt = started,
            Duration = time.GetUtcNow() - started,
            DryRun = dryRun,
            Cancelled = cancelled,
            Error = error,
        };

    /// <summary>Outputs and summary are written whatever happened: what a run did must never be lost.</summary>
    public int Finish(RunReport report, int exitCode)
    {
        try
        {
            foreach (var (name, value) in OutputsRenderer.Render(report)) platform.SetOutput(name, secrets.Redact(value));
            platform.AppendSummary(secrets.Redact(SummaryRenderer.Render(report)));
        }
        catch (IOException e)
        {
            stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, $"Could not write the outputs or summary: {e.Message}"));
        }
        return exitCode;
    }

    /// <summary>A run that ended before any target ran: the report says why.</summary>
    public int Fail(string verb, string error, int exitCode, IReadOnlyList<ArtifactInfo>? artifacts = null) =>
        Finish(Report(verb, artifacts ?? [], [], error: error), exitCode);
}
