namespace CiPublisher.Core.Reporting;

public enum Outcome
{
    Succeeded,

    /// <summary>Nothing needed doing: already published, already registered. Counts as success.</summary>
    AlreadyDone,

    /// <summary>Not attempted, with a reason (not enabled for this artifact, dry run, ...).</summary>
    Skipped,

    Failed,
}
