using System.Reflection;
using CommandLine;

namespace CiPublisher.Cli;

/// <summary>One input as declared on <see cref="InputOptions"/>.</summary>
public sealed record InputDefinition(string Name, InputKind Kind, string? Default, bool Secret, string Description, PropertyInfo Property)
{
    /// <summary>Every input, read once from the attributes of <see cref="InputOptions"/>.</summary>
    public static IReadOnlyList<InputDefinition> All { get; } = typeof(InputOptions)
        .GetProperties()
        .Select(p => (Property: p, Option: p.GetCustomAttribute<OptionAttribute>(), Input: p.GetCustomAttribute<InputAttribute>()))
        .Where(x => x.Option is not null && x.Input is not null)
        .Select(x => new InputDefinition(x.Option!.LongName, x.Input!.Kind, x.Input.Default, x.Input.Secret, x.Option.HelpText, x.Property))
        .ToList();

    public static InputDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new ArgumentException($"no input named {name}", nameof(name));
}
