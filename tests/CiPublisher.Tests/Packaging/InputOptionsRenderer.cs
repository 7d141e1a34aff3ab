using System.Text;
using CiPublisher.Cli;

namespace CiPublisher.Tests.Packaging;

/// <summary>
/// <c>src/CiPublisher/Cli/InputOptions.cs</c> as <see cref="InputCatalog"/> says it should be: CommandLineParser reads
/// flags only from attributed properties known at compile time, so the declarations are turned into that class.
/// </summary>
public static class InputOptionsRenderer
{
    public static string Render()
    {
        var code = new StringBuilder()
            .Append("// Generated from the input declarations (InputCatalog) by scripts/regenerate-inputs.sh; do not edit.\n")
            .Append("// CommandLineParser reads flags only from attributed properties, so each declared input is one here.\n")
            .Append("using CommandLine;\n\nnamespace CiPublisher.Cli;\n\n")
            .Append("/// <summary>Every input as a CLI flag; <see cref=\"InputSources\"/> reads them by name.</summary>\n")
            .Append("public class InputOptions\n{\n");
        foreach (var input in InputCatalog.All)
        {
            code.Append($"    [Option(\"{input.Name}\", HelpText = {Literal(input.Description)})]\n")
                .Append($"    public string? {PropertyName(input.Name)} {{ get; set; }}\n\n");
        }
        code.Append("    public string? ValueOf(string name) => name switch\n    {\n");
        foreach (var input in InputCatalog.All) code.Append($"        \"{input.Name}\" => {PropertyName(input.Name)},\n");
        return code.Append("        _ => null,\n    };\n}\n").ToString();
    }

    private static string PropertyName(string input) =>
        string.Concat(input.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Literal(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
