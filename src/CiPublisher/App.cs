using CiPublisher.Ci;
using CiPublisher.Cli;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.VerbHandlers;
using Microsoft.Extensions.Logging;

namespace CiPublisher;

/// <summary>
/// One run: parse the command line, find the platform and mask the secrets, bind the inputs, then hand over to the
/// verb's handler. Returns the exit code; every exit but --help and version writes a report.
/// </summary>
public sealed class App(IReadOnlyDictionary<string, string> environment, TextWriter stdout, TextWriter stderr, bool interactive,
    string currentDirectory, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SecretRegistry _secrets = new();

    /// <summary>The run, with a last guard: an unexpected failure still ends with a report and exit code 1, never a crash dump.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation)
    {
        var started = _time.GetUtcNow();
        try
        {
            return await RunCoreAsync(args, started, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            var message = _secrets.Redact($"CiPublisher failed unexpectedly: {FailureText.Of(e)}");
            stderr.WriteLine(message);
            var platform = PlatformDetector.Detect(environment, stdout, interactive, currentDirectory);
            return Reporter(platform, started).Fail("", message, ExitCodes.TargetFailed);
        }
    }

    private async Task<int> RunCoreAsync(IReadOnlyList<string> args, DateTimeOffset started, CancellationToken cancellation)
    {
        var command = CommandLineParsing.Parse(args, environment);
        if (command.ExitCode is { } code)
        {
            if (code == ExitCodes.Success)
            {
                stdout.WriteLine(command.Message);
                return code;
            }
            // A bad command line still ends with a report: the summary and the result output say what was wrong.
            var fallback = PlatformDetector.Detect(environment, stdout, interactive, currentDirectory, time: _time);
            _secrets.OnRegistered(fallback.Mask);
            foreach (var secret in new InputSources(null, environment).SecretValues()) _secrets.Register(secret);
            stderr.WriteLine(_secrets.Redact(command.Message ?? ""));
            return Reporter(fallback, started).Fail("", _secrets.Redact($"Invalid command line: {command.Problem}"), code);
        }
        if (command.Verb == Verbs.Version)
        {
            stdout.WriteLine(AppVersion.Current);
            return ExitCodes.Success;
        }

        var platform = PlatformDetector.Detect(environment, stdout, interactive, currentDirectory, command.Options, _time);
        var sources = new InputSources(command.Options, environment);
        // Masks go out before anything else is printed, each line of a multi-line secret separately.
        _secrets.OnRegistered(platform.Mask);
        foreach (var secret in sources.SecretValues()) _secrets.Register(secret);

        var reporter = Reporter(platform, started);
        var (settings, errors) = new SettingsBinder(sources, environment, currentDirectory, _secrets).Bind(command.Verb, platform.ReadContext(), command.AltStore);
        if (settings is null)
        {
            foreach (var error in errors) stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, _secrets.Redact(error.ToString())));
            stderr.WriteLine("See --help, or the inputs table in the README.");
            return reporter.Fail(command.Verb, $"Invalid input: {string.Join("; ", errors)}", ExitCodes.InvalidInput);
        }

        var artifactsInput = sources.Get(GeneralInputs.Artifacts).DisplayName;
        if (command.Verb == Verbs.Inspect) return await new InspectVerb(platform, _secrets, stdout, stderr).RunAsync(settings, artifactsInput, cancellation);
        if (command.AltStore?.Register == true)
            return await new AltStoreRegistrationVerb(platform, _secrets, _time, stdout, stderr, reporter).RunAsync(settings, cancellation);
        return await new TargetsVerb(platform, _secrets, _time, stdout, stderr, reporter).RunAsync(command.Verb, settings, artifactsInput, cancellation);
    }

    private RunReporter Reporter(ICiPlatform platform, DateTimeOffset started) => new(platform, _secrets, _time, stderr, started);
}
