using CiPublisher.Core.Security;

namespace CiPublisher.Core.Settings.Inputs;

/// <summary>
/// What a module's binding may know besides its own inputs: the verb, where the run happens, and the settings other
/// modules bound from theirs (a module that needs another's asks for them here, and says so when they are missing).
/// </summary>
public sealed class BindingScope(Func<Type, object?> settingsOf)
{
    public required string Command { get; init; }
    public required string WorkingDirectory { get; init; }
    public RunContext Context { get; init; } = new();
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public required SecretRegistry Secrets { get; init; }

    /// <summary>The settings type of the module the verb is for (<c>altstore</c>: the AltStore module's), bound even with none of its inputs.</summary>
    public Type? VerbModule { get; init; }

    /// <summary>The verb's own switches given on the command line (<c>altstore --register</c>: "register").</summary>
    public IReadOnlySet<string> Switches { get; init; } = new HashSet<string>();

    /// <summary><c>release-notes-from: pr</c> will read the pull request before the targets run.</summary>
    public bool ReleaseNotesFromPullRequest { get; init; }

    /// <summary>Another module's settings, bound first when they are not yet; null when its inputs do not ask for it.</summary>
    public TSettings? Settings<TSettings>() where TSettings : class => (TSettings?)settingsOf(typeof(TSettings));
}
