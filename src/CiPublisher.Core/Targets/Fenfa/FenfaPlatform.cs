using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>How Fenfa names platforms, installer types and minimum OS versions (contract §2.1, §2.2, §3.6).</summary>
public static class FenfaPlatform
{
    /// <summary>Lowercase, exactly as the server's extension table expects (pitfall 7).</summary>
    public static string Of(ArtifactPlatform platform) => platform switch
    {
        ArtifactPlatform.Ios => "ios",
        ArtifactPlatform.Android => "android",
        ArtifactPlatform.MacOs => "macos",
        ArtifactPlatform.Windows => "windows",
        _ => "linux",
    };

    public static string InstallerType(ArtifactInfo artifact) => artifact.Extension.TrimStart('.');

    /// <summary>Fenfa's own form: "iOS 15.0", "Android 24".</summary>
    public static string? MinOs(ArtifactInfo artifact) => artifact.Platform switch
    {
        ArtifactPlatform.Ios when artifact.MinimumOsVersion is { } v => $"iOS {v}",
        ArtifactPlatform.Android when artifact.MinSdk is { } sdk => $"Android {sdk}",
        ArtifactPlatform.Android when artifact.MinimumOsVersion is { } v => $"Android {v}",
        _ => null,
    };
}
