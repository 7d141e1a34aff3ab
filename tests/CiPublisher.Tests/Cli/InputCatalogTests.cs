using CiPublisher.Cli;

namespace CiPublisher.Tests.Cli;

/// <summary>Conventions that keep the input catalog honest.</summary>
public class InputCatalogTests
{
    [Fact]
    public void EveryInput_HasHelpText_AndAKebabCaseName()
    {
        InputDefinition.All.Should().NotBeEmpty();
        InputDefinition.All.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Description)
                                                      && System.Text.RegularExpressions.Regex.IsMatch(d.Name, "^[a-z][a-z0-9-]*$"));
    }

    [Fact]
    public void SecretInputs_AreExactlyTheCredentials()
    {
        InputDefinition.All.Where(d => d.Secret).Select(d => d.Name)
            .Should().BeEquivalentTo("fenfa-token", "apple-private-key", "aptoide-token", "aptoide-password", "github-token");
    }

    [Fact]
    public void EveryInputOfTheInterface_IsDeclared()
    {
        var names = InputDefinition.All.Select(d => d.Name).ToHashSet();
        var interfaceDoc = RepositoryPaths.Shared("INTERFACE.md");
        if (interfaceDoc is null) return; // the shared docs are not beside this clone; the names below still hold

        var documented = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(interfaceDoc), @"^\| `([a-z][a-z0-9-]+)`", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Where(n => !new[] { "publish", "register-devices", "altstore", "inspect", "version", "result", "release-id", "releases", "adp-status", "devices-registered", "aptoide-status" }.Contains(n))
            .ToList();
        documented.Should().NotBeEmpty();
        names.Should().Contain(documented.Where(n => !n.StartsWith("devices-", StringComparison.Ordinal)));
    }
}
