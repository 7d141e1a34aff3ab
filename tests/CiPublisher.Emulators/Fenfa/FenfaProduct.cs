namespace CiPublisher.Emulators.Fenfa;

/// <summary>A product row as the emulator stores it.</summary>
public sealed record FenfaProduct
{
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public bool Published { get; init; } = true;
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>PNG bytes from an upload's <c>icon_base64</c>, or null.</summary>
    public byte[]? Icon { get; init; }

    /// <summary>Creation order; breaks ties between equal timestamps.</summary>
    public long Sequence { get; init; }
}
