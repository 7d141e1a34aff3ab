using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>Which release a run writes to: the tag being built, else <c>v&lt;version&gt;</c>.</summary>
public sealed record ReleaseTag(string Name, bool IsPrerelease)
{
    /// <summary>Null when the run is not on a tag and no version is known.</summary>
    public static ReleaseTag? For(RunContext context, string? version)
    {
        var name = context.IsTag && !string.IsNullOrWhiteSpace(context.RefName)
            ? context.RefName
            : string.IsNullOrWhiteSpace(version) ? null : $"v{version}";
        if (name is null) return null;

        var semanticVersion = string.IsNullOrWhiteSpace(version) ? name.TrimStart('v', 'V') : version;
        return new ReleaseTag(name, HasPrereleaseSuffix(semanticVersion));
    }

    /// <summary>SemVer: a hyphen before any '+build' metadata marks a pre-release ("1.2.0-beta.1", not "1.2.0+build-7").</summary>
    public static bool HasPrereleaseSuffix(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var core = plus < 0 ? version : version[..plus];
        return core.Contains('-', StringComparison.Ordinal);
    }
}
