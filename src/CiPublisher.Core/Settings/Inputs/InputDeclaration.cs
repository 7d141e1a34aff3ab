namespace CiPublisher.Core.Settings.Inputs;

/// <summary>
/// One input users give: the same name as an action input, a CLI flag and an environment variable. The program's
/// flags, <c>action.yml</c> and README's inputs tables are generated from these declarations.
/// </summary>
public sealed record InputDeclaration(string Name, InputKind Kind, string Description)
{
    /// <summary>The default as users see it in docs and <c>action.yml</c>; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>Masked on the CI platform and redacted from everything the program writes.</summary>
    public bool Secret { get; init; }
}
