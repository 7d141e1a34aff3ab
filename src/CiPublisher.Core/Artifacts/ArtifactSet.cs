namespace CiPublisher.Core.Artifacts;

/// <summary>The artifacts of one run, in the order their patterns matched them.</summary>
public sealed record ArtifactSet(IReadOnlyList<ArtifactInfo> Items)
{
    public static ArtifactSet Empty { get; } = new([]);

    public ArtifactInfo? First => Items.Count > 0 ? Items[0] : null;
}
