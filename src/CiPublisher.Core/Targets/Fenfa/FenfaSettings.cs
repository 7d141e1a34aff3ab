namespace CiPublisher.Core.Targets.Fenfa;

public sealed record FenfaSettings
{
    public required Uri Url { get; init; }
    public string? Token { get; init; }
    public string? Product { get; init; }
    public string? ProductName { get; init; }
    public string? VariantId { get; init; }
    public bool Publish { get; init; } = true;
    public bool SkipExisting { get; init; } = true;
}
