using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets;

/// <summary>
/// One destination. Enabled by its inputs being present. Runs concurrently with the other targets,
/// handles <c>DryRun</c> itself (plan only), and reports failure through its result.
/// </summary>
public interface IPublishTarget
{
    /// <summary>Shown in logs and the summary: "Fenfa", "Aptoide", "Apple devices".</summary>
    string Name { get; }

    bool IsEnabled { get; }

    /// <summary>
    /// What the inputs and the artifacts found lack together for this target to do its work, each naming the input at
    /// fault: input errors (exit 2), known once the artifacts are read and before any request is sent.
    /// </summary>
    IReadOnlyList<string> InputProblems(ArtifactSet artifacts) => [];

    Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken);
}
