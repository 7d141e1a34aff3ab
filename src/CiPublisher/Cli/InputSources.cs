using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Cli;

/// <summary>
/// Resolves each input with the documented precedence: CLI flag, then action input (<c>INPUT_NAME</c>,
/// hyphens kept), then <c>CIPUBLISHER_NAME</c>, then the default. An empty value counts as not given,
/// because GitHub passes every declared input, empty when unset.
/// </summary>
public sealed class InputSources(InputOptions? commandLine, IReadOnlyDictionary<string, string> environment) : IInputValues
{
    public InputValue Get(InputDeclaration input)
    {
        var name = input.Name;
        if (commandLine is not null && NonEmpty(commandLine.ValueOf(name)) is { } flag)
            return new InputValue(name, flag, InputSource.CommandLine);
        if (NonEmpty(environment.GetValueOrDefault(InputValue.ActionInputName(name))) is { } given)
            return new InputValue(name, given, InputSource.ActionInput);
        if (NonEmpty(environment.GetValueOrDefault(InputValue.EnvironmentName(name))) is { } variable)
            return new InputValue(name, variable, InputSource.Environment);
        return new InputValue(name, input.Default, input.Default is null ? InputSource.ActionInput : InputSource.Default);
    }

    /// <summary>The raw values of every secret input that was given, to be masked before anything is logged.</summary>
    public IEnumerable<string> SecretValues() =>
        InputCatalog.All.Where(d => d.Secret).Select(d => Get(d).Text).OfType<string>();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
