using System.Text.RegularExpressions;
using CiPublisher.Cli;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Tests.Packaging;

/// <summary>action.yml declares exactly the inputs the program reads, with the same defaults, and the outputs of INTERFACE.md.</summary>
public class ActionYmlConventionTests
{
    private static readonly ActionMetadata Action = ActionYmlReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml")));

    private static string Hint => "\naction.yml should have this inputs block (generated from InputOptions):\n\n" + ActionYmlInputsRenderer.Render();

    [Fact]
    public void EveryInputTheProgramReads_IsDeclared()
    {
        InputDefinition.All.Select(d => d.Name).Except(Action.Inputs.Keys).Should().BeEmpty("the program reads these inputs" + Hint);
    }

    [Fact]
    public void EveryDeclaredInput_IsReadByTheProgram()
    {
        Action.Inputs.Keys.Except(InputDefinition.All.Select(d => d.Name)).Should().BeEmpty("action.yml declares inputs the program ignores" + Hint);
    }

    [Fact]
    public void EveryDefault_IsTheProgramsDefault()
    {
        var differing = InputDefinition.All
            .Where(d => Action.Inputs.TryGetValue(d.Name, out var declared) && (declared.Default ?? "") != (d.Default ?? ""))
            .Select(d => $"{d.Name}: action.yml '{Action.Inputs[d.Name].Default}', program '{d.Default}'");
        differing.Should().BeEmpty(Hint);
    }

    [Fact]
    public void EveryInput_HasADescriptionAndADefault_AndNoneIsRequired()
    {
        // GitHub does not enforce required: the program validates combinations itself and says what is missing.
        Action.Inputs.Should().OnlyContain(i => i.Value.Description.Length > 0 && i.Value.Default != null && i.Value.Required == "false");
    }

    [Fact]
    public void TheInputsBlock_IsExactlyTheGeneratedOne()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml")).Replace("\r\n", "\n");
        text.Should().Contain(ActionYmlInputsRenderer.Render(), "descriptions and order follow InputOptions" + Hint);
    }

    [Fact]
    public void TheOutputsTheProgramAlwaysWrites_AreDeclared()
    {
        var always = OutputsRenderer.Render(new RunReport { Command = "publish", Artifacts = [], Targets = [], StartedAt = DateTimeOffset.UnixEpoch }).Keys;
        Action.Outputs.Keys.Should().Contain(always);
        Action.Outputs.Should().OnlyContain(o => o.Value.Length > 0 && Regex.IsMatch(o.Key, "^[a-z][a-z0-9-]*$"));
    }

    [Fact]
    public void TheOutputs_AreThoseOfTheInterface()
    {
        var interfaceDoc = RepositoryPaths.Shared("INTERFACE.md");
        if (interfaceDoc is null) return; // the shared docs are not beside this clone; CI has them
        var text = File.ReadAllText(interfaceDoc);
        var table = text[text.IndexOf("## Outputs", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var documented = Regex.Matches(table, @"^\| (?<names>`[^|]+`) \|", RegexOptions.Multiline)
            .SelectMany(m => Regex.Matches(m.Groups["names"].Value, "`([a-z][a-z0-9-]*)`").Select(n => n.Groups[1].Value))
            .ToList();

        documented.Should().Contain("release-id");
        Action.Outputs.Keys.Should().BeEquivalentTo(documented.Except(Cli.PlannedInterface.Outputs.Keys));
        Action.Outputs.Keys.Intersect(Cli.PlannedInterface.Outputs.Keys).Should().BeEmpty("an output that exists is no longer planned: remove it from PlannedInterface");
    }

    [Fact]
    public void TheAction_RunsInDocker_FromTheDockerfileOrAPinnedImage()
    {
        Action.Runs["using"].Should().Be("docker");
        Action.Runs["image"].Should().MatchRegex(@"^(Dockerfile|docker://ghcr\.io/[a-z0-9._/-]+@sha256:[0-9a-f]{64})$");
    }
}
