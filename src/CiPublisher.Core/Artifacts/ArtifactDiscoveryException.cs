namespace CiPublisher.Core.Artifacts;

/// <summary>No file matched any of the artifact patterns. The message lists the patterns and the base folder.</summary>
public sealed class ArtifactDiscoveryException : Exception
{
    public ArtifactDiscoveryException(IReadOnlyList<string> patterns, string baseDirectory)
        : base($"No artifact file matched {(patterns.Count == 1 ? "the pattern" : "any of the patterns")} "
            + $"{string.Join(", ", patterns.Select(p => $"'{p}'"))} under '{baseDirectory}'.")
    {
        Patterns = patterns;
        BaseDirectory = baseDirectory;
    }

    public IReadOnlyList<string> Patterns { get; }

    public string BaseDirectory { get; }
}
