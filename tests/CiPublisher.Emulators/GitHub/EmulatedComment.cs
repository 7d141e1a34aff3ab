namespace CiPublisher.Emulators.GitHub;

/// <summary>An issue (or pull-request) comment as the emulator stores it.</summary>
public sealed record EmulatedComment
{
    public required long Id { get; init; }
    public required string Repository { get; init; }
    public required int Issue { get; init; }
    public required string Body { get; init; }
    public required string User { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
