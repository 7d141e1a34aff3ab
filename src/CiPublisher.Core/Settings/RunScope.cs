namespace CiPublisher.Core.Settings;

/// <summary>
/// What every target may know of the run besides its own module's settings: the release being made (version, build,
/// notes, channel), whether it only plans (dry run), where it runs (working directory, CI context) and how it talks
/// HTTP. A target never reads another module's settings.
/// </summary>
public sealed record RunScope
{
    public required string WorkingDirectory { get; init; }
    public string? Version { get; init; }
    public string? BuildNumber { get; init; }
    public string? ReleaseNotes { get; init; }
    public string? Channel { get; init; }
    public bool DryRun { get; init; }
    public int MaxParallel { get; init; } = 2;
    public HttpSettings Http { get; init; } = new();
    public RunContext Context { get; init; } = new();
}
