namespace CiPublisher.Tests.Packaging;

/// <summary>The parts of <c>action.yml</c> the conventions check: inputs (with default) and outputs, each with its description.</summary>
public sealed record ActionMetadata(
    IReadOnlyDictionary<string, ActionMetadata.Input> Inputs,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyDictionary<string, string> Runs)
{
    public sealed record Input(string Description, string? Default, string? Required);
}
