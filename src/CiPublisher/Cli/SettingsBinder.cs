using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Settings.Inputs;

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
        if (directoryError is not null) reader.Fail(GeneralInputs.WorkingDirectory, directoryError);

        // An input left out binds to its declared default, equal to the settings types' own (DefaultsConventionTests);
        // these defaults are used only when a given value was refused, and then the settings are not used at all.
        var defaults = new RunSettings { Command = command, WorkingDirectory = workingDirectory };
        var notes = ReleaseNotesBinding.Bind(reader, workingDirectory);
        var settings = new RunSettings
        {
            Command = command,
            ArtifactPatterns = reader.List(GeneralInputs.Artifacts),
            WorkingDirectory = workingDirectory,
            Version = reader.Text(GeneralInputs.Version),
            BuildNumber = reader.Text(GeneralInputs.BuildNumber),
            ReleaseNotes = notes.Notes,
            ReleaseNotesFromPullRequest = notes.FromPullRequest,
            Notices = notes.Notices,
            Channel = reader.Text(GeneralInputs.Channel),
            DryRun = reader.Bool(GeneralInputs.DryRun),
            Timeout = reader.Duration(GeneralInputs.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)) ?? defaults.Timeout,
            MaxParallel = reader.WholeNumber(GeneralInputs.MaxParallel, 1, 16) ?? defaults.MaxParallel,
            Http = new HttpSettings
            {
                MaxRetries = reader.WholeNumber(GeneralInputs.RetryMaxAttempts, 0, 10) ?? defaults.Http.MaxRetries,
                RetryBaseDelay = reader.Duration(GeneralInputs.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)) ?? defaults.Http.RetryBaseDelay,
                StallTimeout = reader.Duration(GeneralInputs.StallTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? defaults.Http.StallTimeout,
                AttemptTimeout = reader.Duration(GeneralInputs.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? defaults.Http.AttemptTimeout,
            },
            Context = context with { PullRequestNumber = reader.WholeNumber(CiSystemInputs.PullRequestNumber, 1, int.MaxValue) ?? context.PullRequestNumber },
        };
        settings = settings with { Modules = BindModules(reader, command, workingDirectory, settings.Context, notes.FromPullRequest, altStoreModes) };

        if ((command is Verbs.Publish or Verbs.Inspect) && settings.ArtifactPatterns.Count == 0)
            reader.Fail(GeneralInputs.Artifacts, "is required: give one or more globs of files to publish, e.g. build/*.ipa");

        return reader.Errors.Count == 0 ? (settings, []) : (null, reader.Errors);
    }

    /// <summary>
    /// Each module binds its own inputs once; one that needs another's settings asks the scope, which binds that module
    /// first. The settings keep the modules' order.
    /// </summary>
    private List<object> BindModules(InputReader reader, string command, string workingDirectory, RunContext context, bool notesFromPullRequest, AltStoreOptions? altStoreModes)
    {
        var bound = new Dictionary<Type, object?>();
        var binding = new HashSet<Type>();
        BindingScope scope = null!; // SettingsOf binds a module within this scope, which the scope hands out: assigned before any call
        scope = new BindingScope(SettingsOf)
        {
            Command = command,
            WorkingDirectory = workingDirectory,
            Context = context,
            Environment = environment,
            Secrets = secrets,
            VerbModule = Verbs.ModuleOf(command),
            Switches = altStoreModes?.Switches() ?? new HashSet<string>(),
            ReleaseNotesFromPullRequest = notesFromPullRequest,
        };
        return TargetModules.All.Select(m => SettingsOf(m.SettingsType)).OfType<object>().ToList();

        object? SettingsOf(Type type)
        {
            if (bound.TryGetValue(type, out var done)) return done;
            if (!binding.Add(type)) throw new InvalidOperationException($"the bindings of {type.Name} and another module ask for each other's settings");
            var module = TargetModules.All.Single(m => m.SettingsType == type);
            return bound[type] = module.Bind(reader, scope);
        }
    }

    private string ResolveWorkingDirectory(out string? error)
    {
        error = null;
        var given = sources.Get(GeneralInputs.WorkingDirectory).Text?.Trim();
        var fallback = environment.GetValueOrDefault("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? workspace : currentDirectory;
        if (given is null) return Path.GetFullPath(fallback);

        var path = Path.GetFullPath(given, fallback);
        if (!Directory.Exists(path)) error = $"folder '{given}' does not exist";
        return path;
    }
}
