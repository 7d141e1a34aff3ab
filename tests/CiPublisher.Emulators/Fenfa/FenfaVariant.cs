namespace CiPublisher.Emulators.Fenfa;

/// <summary>A variant row (one platform build of a product) as the emulator stores it.</summary>
public sealed record FenfaVariant
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public required string Platform { get; init; }
    public string Identifier { get; init; } = "";

    /// <summary>The pre-product app id; null for variants created through the current API.</summary>
    public string? LegacyAppId { get; init; }

    public string DisplayName { get; init; } = "";
    public string Arch { get; init; } = "";
    public string InstallerType { get; init; } = "";
    public string MinOs { get; init; } = "";
    public bool Published { get; init; } = true;
    public int SortOrder { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public long Sequence { get; init; }
}
