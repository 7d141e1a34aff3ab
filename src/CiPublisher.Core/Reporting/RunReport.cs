using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Reporting;

/// <summary>Everything one run did. Rendered as the job summary, the step outputs and the console log.</summary>
public sealed record RunReport
{
    public required string Command { get; init; }
    public required IReadOnlyList<ArtifactInfo> Artifacts { get; init; }
    public required IReadOnlyList<TargetResult> Targets { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
    public bool DryRun { get; init; }
    public bool Cancelled { get; init; }

    /// <summary>An error that stopped the run before or outside any target (invalid input, cancellation).</summary>
    public string? Error { get; init; }

    public string? AppName => Artifacts.Select(a => a.DisplayName).FirstOrDefault(n => !string.IsNullOrEmpty(n));
    public string? Version => Artifacts.Select(a => a.Version).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    public string? Build => Artifacts.Select(a => a.Build).FirstOrDefault(b => !string.IsNullOrEmpty(b));

    public bool Succeeded => !Cancelled && Error is null && Targets.All(t => t.IsSuccess);
}
