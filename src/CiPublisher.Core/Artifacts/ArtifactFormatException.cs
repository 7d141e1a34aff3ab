namespace CiPublisher.Core.Artifacts;

/// <summary>An artifact (or a structure inside it) is not what its name claims. The message names the file.</summary>
public sealed class ArtifactFormatException : Exception
{
    public ArtifactFormatException(string message) : base(message) { }

    public ArtifactFormatException(string message, Exception inner) : base(message, inner) { }
}
