namespace CiPublisher.IntegrationTests.Harness;

public sealed class InProcessTraitTests
{
    /// <summary>The harnesses that start the program under test (or the Native AOT binary in its place).</summary>
    private static readonly string[] ProgramStarters =
        [nameof(GitHubActionRun), "CiJobRun", nameof(ProgramUnderTest), nameof(FenfaAndGitHubRun), "MatrixTarget", "FaultMatrixTests"];

    private const string Marking = "[Trait(InProcess.Trait, InProcess.Value)]";

    [Fact]
    public void NoTestClassThatStartsTheProgram_IsLeftOutOfTheRunAgainstTheNativeAotBinary()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "CiPublisher.IntegrationTests");
        var marked = Directory.EnumerateFiles(folder, "*Tests.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .Where(file => file.Name != $"{nameof(InProcessTraitTests)}.cs" && file.Text.Contains(Marking, StringComparison.Ordinal))
            .ToList();

        marked.Should().NotBeEmpty("the in-process classes carry the trait");
        foreach (var (name, text) in marked)
            ProgramStarters.Where(starter => text.Contains(starter, StringComparison.Ordinal))
                .Should().BeEmpty($"{name} starts the program, so the Native AOT run must not leave it out");
    }
}
