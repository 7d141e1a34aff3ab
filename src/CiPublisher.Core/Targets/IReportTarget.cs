using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets;

/// <summary>A target that writes the other targets' results somewhere (a GitHub release, a PR comment); it runs after them.</summary>
public interface IReportTarget
{
    string Name { get; }

    bool IsEnabled { get; }

    Task<TargetResult> RunAsync(RunReport report, CancellationToken cancellationToken);
}
