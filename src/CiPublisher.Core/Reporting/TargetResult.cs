using System.Text.Json.Serialization;

namespace CiPublisher.Core.Reporting;

/// <summary>The result of one target. A target returns one of these and never throws past its boundary.</summary>
public sealed record TargetResult
{
    public required string Target { get; init; }
    public required Outcome Outcome { get; init; }
    public string? Reason { get; init; }
    public TimeSpan Duration { get; init; }
    public IReadOnlyList<ItemResult> Items { get; init; } = [];

    /// <summary>Step outputs this target sets (names from INTERFACE.md: "release-id", "adp-status", ...).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Figures worth showing: "api-calls", "rate-limit-remaining", "bytes-sent".</summary>
    public IReadOnlyDictionary<string, string> Figures { get; init; } = new Dictionary<string, string>();

    /// <summary>Sentences the user must read (for example: "re-sign the app with the new profiles").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The AltStore target's ADP, typed for the renderers (the step outputs carry the same as text).</summary>
    [JsonIgnore] public AdpSummary? Adp { get; init; }

    /// <summary>The Apple devices target's counts, typed for the renderers (the step outputs carry the same as text).</summary>
    [JsonIgnore] public DeviceCounts? Devices { get; init; }

    public bool IsSuccess => Outcome is not Outcome.Failed;

    public static TargetResult Skipped(string target, string reason) =>
        new() { Target = target, Outcome = Outcome.Skipped, Reason = reason };

    public static TargetResult Failed(string target, string reason, TimeSpan duration = default) =>
        new() { Target = target, Outcome = Outcome.Failed, Reason = reason, Duration = duration };

    /// <summary>Folds item outcomes into one: any failure fails, all already-done is already done.</summary>
    public static Outcome Combine(IEnumerable<ItemResult> items)
    {
        var outcomes = items.Select(i => i.Outcome).ToList();
        if (outcomes.Count == 0) return Outcome.Skipped;
        if (outcomes.Contains(Outcome.Failed)) return Outcome.Failed;
        if (outcomes.All(o => o == Outcome.Skipped)) return Outcome.Skipped;
        if (outcomes.All(o => o is Outcome.AlreadyDone or Outcome.Skipped)) return Outcome.AlreadyDone;
        return Outcome.Succeeded;
    }
}
