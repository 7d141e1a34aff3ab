namespace CiPublisher.Emulators.GitHub;

/// <summary>A release asset as the emulator stores it: its bytes are in <see cref="Path"/>.</summary>
public sealed record EmulatedAsset
{
    public required long Id { get; init; }
    public required long ReleaseId { get; init; }
    public required string Name { get; init; }
    public string? Label { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }

    /// <summary>"sha256:&lt;hex&gt;" as GitHub computes it; null for an upload that never completed.</summary>
    public string? Digest { get; init; }

    /// <summary>"uploaded", or "starter" for an upload whose body never arrived whole.</summary>
    public required string State { get; init; }

    public required string Path { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
