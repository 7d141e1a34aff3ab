using System.Text;
using CiPublisher.Cli;

namespace CiPublisher.Tests.Packaging;

/// <summary>
/// The <c>inputs:</c> block of <c>action.yml</c> as <see cref="InputDefinition.All"/> says it should be; the
/// convention test prints it when the file disagrees, so a maintainer can paste it.
/// </summary>
public static class ActionYmlInputsRenderer
{
    public static string Render()
    {
        var yaml = new StringBuilder("inputs:\n");
        foreach (var input in InputDefinition.All)
        {
            var description = input.Secret ? $"{input.Description} Secret: pass it from secrets.*; the program masks it." : input.Description;
            yaml.Append($"  {input.Name}:\n")
                .Append($"    description: {Quote(description)}\n")
                .Append("    required: false\n")
                .Append($"    default: {Quote(input.Default ?? "")}\n");
        }
        return yaml.ToString();
    }

    public static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
