namespace CiPublisher.Core.Targets.AltStore;

public enum AdpPhase
{
    /// <summary>No <c>downloadURL</c> yet, whatever the status says (unknown statuses included).</summary>
    Processing,

    /// <summary>A <c>downloadURL</c> is present: the seed says it appears only when processing has finished.</summary>
    Ready,

    /// <summary>Status <c>failed</c> (observed by third parties, unconfirmed).</summary>
    Failed,
}

/// <summary>One answer of <c>GET /adps/{id}</c>.</summary>
public sealed record AdpState(string? Status, string? DownloadUrl)
{
    public AdpPhase Phase =>
        !string.IsNullOrWhiteSpace(DownloadUrl) ? AdpPhase.Ready
        : string.Equals(Status?.Trim(), "failed", StringComparison.OrdinalIgnoreCase) ? AdpPhase.Failed
        : AdpPhase.Processing;

    /// <summary>The status as shown in logs and the <c>adp-status</c> output.</summary>
    public string StatusText => string.IsNullOrWhiteSpace(Status) ? "(no status)" : Status.Trim();
}
