using CiPublisher.Core.Settings.Inputs;
using CommandLine;
using CommandLine.Text;

namespace CiPublisher.Cli;

/// <summary>The only place that knows CommandLineParser.</summary>
public static class CommandLineParsing
{
    public static ParsedCommand Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        if (args is ["--version"]) return new ParsedCommand(Verbs.Version, null, null);

        var verb = ResolveVerb(args, environment, out var verbError);
        if (verbError is not null) return ParsedCommand.Exit(ExitCodes.InvalidInput, verbError, verbError);

        var arguments = WithExplicitBooleans(args.Count > 0 && (args[0] == verb || verb == "help") ? args : [verb, .. args]);
        using var parser = new Parser(settings =>
        {
            settings.AutoVersion = false; // "--version" is the version input; the version verb prints the tool's.
            settings.CaseSensitive = true;
            settings.HelpWriter = null;
        });
        var result = parser.ParseArguments(arguments, Verbs.OptionTypes);
        return result.MapResult(
            (VersionOptions _) => new ParsedCommand(Verbs.Version, null, null),
            (InputOptions options) => new ParsedCommand(verb, options, options as AltStoreOptions),
            errors => FromErrors(result, errors.ToList()));
    }

    /// <summary>The first argument when it is a verb, else the <c>command</c> input, else publish.</summary>
    private static string ResolveVerb(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, out string? error)
    {
        error = null;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            if (args[0] == "help") return "help";
            if (Verbs.All.Contains(args[0])) return args[0];
            error = $"unknown verb '{args[0]}'; use one of: {string.Join(", ", Verbs.All)} (see --help)";
            return "";
        }

        var sources = new InputSources(null, environment);
        var command = sources.Get(GeneralInputs.Command);
        if (command.Text is null) return Verbs.Publish;
        var name = command.Text.Trim().ToLowerInvariant();
        if (Verbs.All.Contains(name)) return name;
        error = $"{command.DisplayName}: unknown verb '{command.Text.Trim()}'; use one of: {string.Join(", ", Verbs.All)}";
        return "";
    }

    /// <summary>
    /// Every input is a string option so that <c>--fenfa-publish false</c> works; a boolean flag given bare
    /// (<c>--dry-run</c>) therefore gets an explicit "true".
    /// </summary>
    private static List<string> WithExplicitBooleans(IReadOnlyList<string> args)
    {
        var booleans = InputCatalog.All.Where(d => d.Kind == InputKind.Bool).Select(d => "--" + d.Name).ToHashSet();
        var result = new List<string>(args.Count + 4);
        for (var i = 0; i < args.Count; i++)
        {
            result.Add(args[i]);
            var bare = booleans.Contains(args[i]) && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)
                                                      || ValueSyntax.ParseBool(args[i + 1]) is null);
            if (bare) result.Add("true");
        }
        return result;
    }

    private static ParsedCommand FromErrors(ParserResult<object> result, List<Error> errors)
    {
        var help = HelpText.AutoBuild(result, h =>
        {
            h.AdditionalNewLineAfterOption = false;
            h.Heading = $"cipublisher {AppVersion.Current}";
            h.Copyright = "Publishes build artifacts to Fenfa, AltStore PAL, Apple (devices), Aptoide and GitHub.";
            return HelpText.DefaultParsingErrorsHandler(result, h);
        }, e => e, verbsIndex: errors.Any(e => e is NoVerbSelectedError or HelpVerbRequestedError));

        if (errors.All(e => e is HelpRequestedError or HelpVerbRequestedError or VersionRequestedError))
            return ParsedCommand.Exit(ExitCodes.Success, help);
        var sentences = SentenceBuilder.Create();
        return ParsedCommand.Exit(ExitCodes.InvalidInput, help,
            string.Join("; ", errors.Select(e => sentences.FormatError(e)).Where(m => m.Length > 0).Distinct()) + " (see --help)");
    }
}
