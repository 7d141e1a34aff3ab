using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;

namespace CiPublisher.Cli;

/// <summary>
/// Turns the inputs into one validated <see cref="RunSettings"/>. Every problem is collected and reported
/// at once, naming the input as the user spelled it; nothing touches the network here.
/// </summary>
public sealed class SettingsBinder(InputSources sources, IReadOnlyDictionary<string, string> environment, string currentDirectory, SecretRegistry secrets)
{
    public (RunSettings? Settings, IReadOnlyList<InputError> Errors) Bind(string command, RunContext context, AltStoreOptions? altStoreModes = null)
    {
        var workingDirectory = ResolveWorkingDirectory(out var directoryError);
        var reader = new InputReader(sources, workingDirectory);
        if (directoryError is not null) reader.Fail("working-directory", directoryError);

        // An input left out binds to its InputOptions default, equal to the settings types' own (DefaultsConventionTests);
        // these defaults are used only when a given value was refused, and then the settings are not used at all.
        var defaults = new RunSettings { Command = command, WorkingDirectory = workingDirectory };
        var notes = ReleaseNotesBinding.Bind(reader, workingDirectory);
        var settings = new RunSettings
        {
            Command = command,
            ArtifactPatterns = reader.List("artifacts"),
            WorkingDirectory = workingDirectory,
            Version = reader.Text("version"),
            BuildNumber = reader.Text("build-number"),
            ReleaseNotes = notes.Notes,
            ReleaseNotesFromPullRequest = notes.FromPullRequest,
            Notices = notes.Notices,
            Channel = reader.Text("channel"),
            DryRun = reader.Bool("dry-run"),
            Timeout = reader.Duration("timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)) ?? defaults.Timeout,
            MaxParallel = reader.WholeNumber("max-parallel", 1, 16) ?? defaults.MaxParallel,
            Http = new HttpSettings
            {
                MaxRetries = reader.WholeNumber("retry-max-attempts", 0, 10) ?? defaults.Http.MaxRetries,
                RetryBaseDelay = reader.Duration("retry-base-delay", TimeSpan.Zero, TimeSpan.FromMinutes(5)) ?? defaults.Http.RetryBaseDelay,
                StallTimeout = reader.Duration("stall-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? defaults.Http.StallTimeout,
                AttemptTimeout = reader.Duration("request-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? defaults.Http.AttemptTimeout,
            },
            Context = context with { PullRequestNumber = reader.WholeNumber("github-pr-number", 1, int.MaxValue) ?? context.PullRequestNumber },
            Fenfa = FenfaBinding.Bind(reader),
            Apple = AppleBinding.Bind(reader, secrets, workingDirectory),
            AltStore = AltStoreBinding.Bind(reader, command, altStoreModes),
            Aptoide = AptoideBinding.Bind(reader),
        };
        var githubFor = settings.AltStore?.AdpHost == AdpHostKind.GitHubRelease ? "altstore-adp-host: github-release"
            : notes.FromPullRequest ? "release-notes-from: pr" : null;
        settings = settings with { GitHub = GitHubBinding.Bind(reader, environment, context, githubFor) };

        if (AdpIdValidator.IsAuto(settings.AltStore?.AdpId) && settings.Apple is null)
            reader.Fail("altstore-adp-id", "is auto: finding the ADP in App Store Connect needs apple-key-id and apple-private-key too");

        if ((command is Verbs.Publish or Verbs.Inspect) && settings.ArtifactPatterns.Count == 0)
            reader.Fail("artifacts", "is required: give one or more globs of files to publish, e.g. build/*.ipa");

        return reader.Errors.Count == 0 ? (settings, []) : (null, reader.Errors);
    }

    private string ResolveWorkingDirectory(out string? error)
    {
        error = null;
        var given = sources.Get("working-directory").Text?.Trim();
        var fallback = environment.GetValueOrDefault("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : currentDirectory;
        if (given is null) return Path.GetFullPath(fallback);

        var path = Path.GetFullPath(given, fallback);
        if (!Directory.Exists(path)) error = $"folder '{given}' does not exist";
        return path;
    }
}
