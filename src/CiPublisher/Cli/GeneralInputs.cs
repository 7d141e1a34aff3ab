using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Cli;

/// <summary>The run's own inputs: what to publish, its version and notes, and how patiently to talk to the services.</summary>
public static class GeneralInputs
{
    public static InputDeclaration Command { get; } = new("command", InputKind.Text,
        "Verb to run when none is given on the command line: publish, register-devices, altstore, inspect, version.");

    public static InputDeclaration Artifacts { get; } = new("artifacts", InputKind.List,
        "Globs of files to publish, relative to working-directory; newline or comma separated.");

    public static InputDeclaration WorkingDirectory { get; } = new("working-directory", InputKind.Directory,
        "Base for globs and relative paths (default: GITHUB_WORKSPACE, else the current directory).");

    public static InputDeclaration Version { get; } = new("version", InputKind.Text,
        "Version to publish (default: from the artifact, else the tag name without a leading v).");

    public static InputDeclaration BuildNumber { get; } = new("build-number", InputKind.Text,
        "Build number to publish (default: from the artifact).");

    public static InputDeclaration ReleaseNotes { get; } = new("release-notes", InputKind.Text,
        "Release notes text.");

    public static InputDeclaration ReleaseNotesFile { get; } = new("release-notes-file", InputKind.File,
        "File with release notes (wins over release-notes).");

    public static InputDeclaration ReleaseNotesFrom { get; } = new("release-notes-from", InputKind.Text,
        "When no release notes are given: git (commit subjects since the previous tag) or pr (the pull request's title and body).");

    public static InputDeclaration Channel { get; } = new("channel", InputKind.Text,
        "Release channel (e.g. beta), where the target has one.");

    public static InputDeclaration DryRun { get; } = new("dry-run", InputKind.Bool,
        "Resolve inputs, inspect artifacts, print the plan; write nothing anywhere.") { Default = "false" };

    public static InputDeclaration Timeout { get; } = new("timeout", InputKind.Duration,
        "Deadline for the whole run, uploads included (90s, 15m, 1h or seconds); raise it for multi-GB artifacts on slow links.") { Default = "30m" };

    public static InputDeclaration MaxParallel { get; } = new("max-parallel", InputKind.WholeNumber,
        "Uploads in flight at once (1-16).") { Default = "2" };

    public static InputDeclaration RetryMaxAttempts { get; } = new("retry-max-attempts", InputKind.WholeNumber,
        "Retries of a failed API call on transient errors (0-10).") { Default = "4" };

    public static InputDeclaration RetryBaseDelay { get; } = new("retry-base-delay", InputKind.Duration,
        "First retry delay; later ones grow exponentially with jitter.") { Default = "2s" };

    public static InputDeclaration RequestTimeout { get; } = new("request-timeout", InputKind.Duration,
        "An API call attempt fails (and is retried when safe) when no answer came within this long; transfers use stall-timeout instead.") { Default = "100s" };

    public static InputDeclaration StallTimeout { get; } = new("stall-timeout", InputKind.Duration,
        "An upload fails when no byte moved for this long (there is no total limit on transfers).") { Default = "2m" };

    public static InputGroup Group { get; } = new("General", [Command, Artifacts, WorkingDirectory, Version, BuildNumber, ReleaseNotes, ReleaseNotesFile, ReleaseNotesFrom, Channel, DryRun, Timeout, MaxParallel, RetryMaxAttempts, RetryBaseDelay, RequestTimeout, StallTimeout]);
}
