using System.Text.RegularExpressions;
using CiPublisher.Cli;
using CiPublisher.Tests.Artifacts;

namespace CiPublisher.Tests.Cli;

/// <summary>Conventions that keep the input catalog honest.</summary>
public class InputCatalogTests
{
    [Fact]
    public void EveryInput_HasHelpText_AndAKebabCaseName()
    {
        InputCatalog.All.Should().NotBeEmpty();
        InputCatalog.All.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Description)
                                                      && Regex.IsMatch(d.Name, "^[a-z][a-z0-9-]*$"));
    }

    [Fact]
    public void SecretInputs_AreExactlyTheCredentials()
    {
        InputCatalog.All.Where(d => d.Secret).Select(d => d.Name)
            .Should().BeEquivalentTo("fenfa-token", "apple-private-key", "aptoide-token", "aptoide-password", "github-token");
    }

    /// <summary>INTERFACE.md (in ../shared) is the contract with users' workflows: every input it names must exist.</summary>
    [SharedFixtureFact]
    public void EveryInputOfTheInterface_IsDeclared()
    {
        var names = InputCatalog.All.Select(d => d.Name).ToHashSet();
        var interfaceDoc = File.ReadAllText(RepositoryPaths.Shared("INTERFACE.md")!);
        var inputsSection = interfaceDoc[interfaceDoc.IndexOf("## Inputs", StringComparison.Ordinal)..interfaceDoc.IndexOf("## Outputs", StringComparison.Ordinal)];

        var documented = Regex.Matches(inputsSection, @"^\| `([a-z][a-z0-9-]+)`(?:, `([a-z][a-z0-9-]+)`)*", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Captures.Concat(m.Groups[2].Captures).Select(c => c.Value))
            .ToList();

        documented.Should().HaveCountGreaterThan(40);
        names.Should().Contain(documented.Except(PlannedInterface.Inputs.Keys));
        names.Intersect(PlannedInterface.Inputs.Keys).Should().BeEmpty("an input that exists is no longer planned: remove it from PlannedInterface");
    }

    [Fact]
    public void NoTwoInputs_ShareAName()
    {
        InputCatalog.All.Select(d => d.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void EveryModulesInputs_AreNamedAfterIt()
    {
        foreach (var module in TargetModules.All)
        {
            var prefix = module.Inputs.Inputs[0].Name.Split('-')[0] + "-";
            module.Inputs.Inputs.Should().OnlyContain(d => d.Name.StartsWith(prefix, StringComparison.Ordinal),
                $"{module.GetType().Name}'s inputs share one prefix, so users see which target an input configures");
        }
    }
}
