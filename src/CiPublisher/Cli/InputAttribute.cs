namespace CiPublisher.Cli;

/// <summary>
/// Marks an option property as a user input (action input, CLI flag and environment variable alike),
/// with what the settings binder needs to read it. <c>action.yml</c> must declare the same inputs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(InputKind kind) : Attribute
{
    public InputKind Kind { get; } = kind;

    /// <summary>The default as users see it in docs and <c>action.yml</c>; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>Masked on the CI platform and redacted from everything the program writes.</summary>
    public bool Secret { get; init; }
}
