namespace CiPublisher.Core.Targets.AltStore;

public enum AdpPhase
{
    /// <summary>No <c>downloadURL</c> yet, and a status known to mean "not done yet" (or none at all).</summary>
    Processing,

    /// <summary>A <c>downloadURL</c> is present: the seed says it appears only when processing has finished.</summary>
    Ready,

    /// <summary>The answer carries an error: a status saying so (<c>failed</c>, observed by third parties) or a message.</summary>
    Failed,

    /// <summary>A status this tool does not know, without a link or an error: waited out for a while, not forever.</summary>
    Unknown,
}

/// <summary>
/// One answer of <c>GET /adps/{id}</c>; <paramref name="Message"/> is what AltStore said beside the status, if anything;
/// <paramref name="DownloadExpired"/> its <c>downloadExpired</c>, which a third-party release script reads beside <c>success</c>.
/// </summary>
public sealed record AdpState(string? Status, string? DownloadUrl, string? Message = null, bool DownloadExpired = false)
{
    // Observed (#1667: "queued", then "in progress") or said by third parties; the exact strings are unconfirmed.
    private static readonly string[] StillProcessing = ["processing", "queued", "in progress", "in_progress", "inprogress", "pending", "started", "running", "success"];

    public AdpPhase Phase =>
        !string.IsNullOrWhiteSpace(DownloadUrl) ? AdpPhase.Ready
        : !string.IsNullOrWhiteSpace(Message) || IsFailure(Status) ? AdpPhase.Failed
        : Status is null || StillProcessing.Contains(Status.Trim().ToLowerInvariant()) ? AdpPhase.Processing
        : AdpPhase.Unknown;

    /// <summary>The status as shown in logs and the <c>adp-status</c> output.</summary>
    public string StatusText => string.IsNullOrWhiteSpace(Status) ? "(no status)" : Status.Trim();

    private static bool IsFailure(string? status) => status is not null
        && (status.Contains("fail", StringComparison.OrdinalIgnoreCase) || status.Contains("error", StringComparison.OrdinalIgnoreCase));
}
