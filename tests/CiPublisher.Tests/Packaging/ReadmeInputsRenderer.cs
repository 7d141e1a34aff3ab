using System.Text;
using CiPublisher.Cli;

namespace CiPublisher.Tests.Packaging;

/// <summary>README's inputs tables, one per <see cref="InputCatalog.Groups"/> entry, as the declarations say they should be.</summary>
public static class ReadmeInputsRenderer
{
    public static string Render()
    {
        var markdown = new StringBuilder();
        foreach (var group in InputCatalog.Groups)
        {
            markdown.Append($"#### {group.Heading}\n\n| input | default | meaning |\n|---|---|---|\n");
            foreach (var input in group.Inputs)
            {
                var name = input.Secret ? $"`{input.Name}` 🔒" : $"`{input.Name}`";
                var defaultValue = input.Default is null ? "—" : $"`{input.Default}`";
                markdown.Append($"| {name} | {defaultValue} | {input.Description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }
            markdown.Append('\n');
        }
        return markdown.ToString();
    }
}
