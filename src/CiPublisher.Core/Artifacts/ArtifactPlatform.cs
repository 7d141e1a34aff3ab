namespace CiPublisher.Core.Artifacts;

/// <summary>The platform a build runs on, spelled as Fenfa spells it (lowercase).</summary>
public enum ArtifactPlatform
{
    Ios,
    Android,
    MacOs,
    Windows,
    Linux,
}
