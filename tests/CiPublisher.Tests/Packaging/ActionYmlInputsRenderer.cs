using System.Text;
using CiPublisher.Cli;

namespace CiPublisher.Tests.Packaging;

/// <summary>
/// The <c>inputs:</c> block of <c>action.yml</c> as <see cref="InputCatalog.All"/> says it should be.
/// </summary>
public static class ActionYmlInputsRenderer
{
    public static string Render()
    {
        var yaml = new StringBuilder("inputs:\n");
        foreach (var input in InputCatalog.All)
        {
            var description = input.Secret ? $"{input.Description} Secret: pass it from secrets.*; the program masks it." : input.Description;
            yaml.Append($"  {input.Name}:\n")
                .Append($"    description: {Quote(description)}\n")
                .Append("    required: false\n") // GitHub does not enforce it: the program says what a combination misses
                .Append($"    default: {Quote(input.Default ?? "")}\n");
        }
        return yaml.ToString();
    }

    public static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
