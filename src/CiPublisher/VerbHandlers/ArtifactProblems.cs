using CiPublisher.Core.Artifacts;

namespace CiPublisher.VerbHandlers;

/// <summary>Failures that mean the artifacts input is at fault (exit 2), not a target.</summary>
public static class ArtifactProblems
{
    public static bool Are(Exception e) =>
        e is ArtifactFormatException or ArtifactDiscoveryException or IOException or UnauthorizedAccessException;
}
