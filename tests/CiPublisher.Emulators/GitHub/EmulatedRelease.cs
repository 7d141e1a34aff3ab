namespace CiPublisher.Emulators.GitHub;

/// <summary>A release as the emulator stores it; tests read these to check what the client wrote.</summary>
public sealed record EmulatedRelease
{
    public required long Id { get; init; }
    public required string Repository { get; init; }
    public required string TagName { get; init; }
    public string? TargetCommitish { get; init; }
    public string? Name { get; init; }
    public string? Body { get; init; }
    public bool Draft { get; init; }
    public bool Prerelease { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
