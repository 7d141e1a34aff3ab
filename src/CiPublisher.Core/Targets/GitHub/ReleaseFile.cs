using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>A file on disk to become a release asset: an artifact, or a file of a hosted ADP.</summary>
public sealed record ReleaseFile(string Path, string FileName, long SizeBytes, string? Sha256, string MediaType)
{
    public static ReleaseFile Of(ArtifactInfo artifact) => new(artifact.Path, artifact.FileName, artifact.SizeBytes, artifact.Sha256,
        artifact.Extension == ".apk" ? "application/vnd.android.package-archive" : "application/octet-stream");
}
