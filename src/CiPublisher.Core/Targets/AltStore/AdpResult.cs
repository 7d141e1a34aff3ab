namespace CiPublisher.Core.Targets.AltStore;

public enum AdpOutcome
{
    /// <summary>Processing finished during this run; <see cref="AdpResult.DownloadUrl"/> is set.</summary>
    Ready,

    /// <summary>Processing was asked for and not waited on (<c>altstore-wait: false</c>).</summary>
    Triggered,

    Failed,
    TimedOut,
}

/// <summary>What processing one ADP came to; <see cref="Status"/> is AltStore's last status word.</summary>
public sealed record AdpResult(AdpOutcome Outcome, string Status, string? DownloadUrl, TimeSpan Elapsed, int Polls, string? Reason = null);
