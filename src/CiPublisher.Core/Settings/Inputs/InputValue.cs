namespace CiPublisher.Core.Settings.Inputs;

/// <summary>One input's raw text and where it came from.</summary>
public sealed record InputValue(string Name, string? Text, InputSource Source)
{
    public bool IsGiven => Text is not null;

    /// <summary>The input as the user spelled it: <c>--fenfa-url</c>, <c>fenfa-url</c>, <c>CIPUBLISHER_FENFA_URL</c>.</summary>
    public string DisplayName => DisplayNameOf(Name, Source);

    public static string DisplayNameOf(string name, InputSource source) => source switch
    {
        InputSource.CommandLine => "--" + name,
        InputSource.Environment => EnvironmentName(name),
        InputSource.Default => $"{name} (default)",
        _ => name,
    };

    /// <summary>GitHub passes inputs upper-cased with spaces as underscores and hyphens kept.</summary>
    public static string ActionInputName(string name) => "INPUT_" + name.Replace(' ', '_').ToUpperInvariant();

    public static string EnvironmentName(string name) => "CIPUBLISHER_" + name.Replace('-', '_').ToUpperInvariant();
}
