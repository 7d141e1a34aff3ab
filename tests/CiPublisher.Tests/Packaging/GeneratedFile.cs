namespace CiPublisher.Tests.Packaging;

/// <summary>
/// A committed file, or the part of it between two markers, that is generated from the input declarations. The tests
/// compare it with what it should be; with <c>CIPUBLISHER_REGENERATE=1</c> (<see cref="Command"/>) they write it first.
/// </summary>
public sealed class GeneratedFile(string relativePath)
{
    public const string Command = "scripts/regenerate-inputs.sh";

    private readonly string _path = Path.Combine(RepositoryPaths.Root, relativePath);

    private string Text => File.ReadAllText(_path).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Checks the whole file.</summary>
    public void ShouldBe(string rendered) => Check(Text, rendered);

    /// <summary>Checks what lies between the line that holds <paramref name="startLine"/> and <paramref name="end"/>.</summary>
    public void RegionShouldBe(string startLine, string end, string rendered)
    {
        var text = Text;
        var startMarker = text.IndexOf(startLine, StringComparison.Ordinal);
        startMarker.Should().BeGreaterThanOrEqualTo(0, $"{relativePath} marks where its generated part begins with '{startLine}'");
        var start = text.IndexOf('\n', startMarker) + 1;
        var stop = text.IndexOf(end, start, StringComparison.Ordinal);
        stop.Should().BeGreaterThanOrEqualTo(0, $"{relativePath} marks where its generated part ends with '{end}'");
        Check(text, text[..start] + rendered + text[stop..]);
    }

    private void Check(string text, string expected)
    {
        if (Environment.GetEnvironmentVariable("CIPUBLISHER_REGENERATE") == "1" && text != expected)
        {
            File.WriteAllText(_path, expected);
            text = Text;
        }
        text.Should().Be(expected, $"{relativePath} is generated from the input declarations: run {Command}");
    }
}
