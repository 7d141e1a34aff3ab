using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Cli;

/// <summary>
/// Every input users can give, in the order the docs list them: the run's own, each module's, the CI systems'.
/// <c>InputOptions.cs</c>, <c>action.yml</c>'s inputs and README's inputs tables are generated from it
/// (<c>scripts/regenerate-inputs.sh</c>).
/// </summary>
public static class InputCatalog
{
    public static IReadOnlyList<InputGroup> Groups { get; } =
        [GeneralInputs.Group, .. TargetModules.All.Select(module => module.Inputs), CiSystemInputs.Group];

    public static IReadOnlyList<InputDeclaration> All { get; } = Groups.SelectMany(group => group.Inputs).ToList();
}
