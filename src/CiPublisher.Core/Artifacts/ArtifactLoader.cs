using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Artifacts;

/// <summary>Finds the run's artifacts, inspects each once, and applies the version and build inputs.</summary>
public static class ArtifactLoader
{
    public static ArtifactSet Load(RunSettings settings)
    {
        // register-devices and altstore may run without artifacts; publish and inspect require them (settings validation).
        if (settings.ArtifactPatterns.Count == 0) return ArtifactSet.Empty;
        var paths = ArtifactDiscovery.Find(settings.ArtifactPatterns, settings.WorkingDirectory);
        var tagVersion = TagVersion(settings.Context);
        return new ArtifactSet([.. paths.Select(ArtifactInspector.Inspect).Select(a => a with
        {
            Version = settings.Version ?? a.Version ?? tagVersion,
            Build = settings.BuildNumber ?? a.Build,
        })]);
    }

    /// <summary>The tag name without a leading "v" (refs/tags/v2.4.1 → 2.4.1), for artifacts that carry no version.</summary>
    public static string? TagVersion(RunContext context) =>
        context is { IsTag: true, RefName: { Length: > 0 } name } ? (name.StartsWith('v') || name.StartsWith('V') ? name[1..] : name) : null;
}
