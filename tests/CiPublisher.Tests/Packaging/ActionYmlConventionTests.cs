using System.Text.RegularExpressions;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Tests.Packaging;

/// <summary>action.yml declares the outputs of INTERFACE.md and runs the program in Docker; its inputs are generated (GeneratedInputFilesTests).</summary>
public class ActionYmlConventionTests
{
    private static readonly ActionMetadata Action = ActionYmlReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml")));

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
