using CiPublisher.Ci;
using CiPublisher.Cli;
using CiPublisher.Core;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CiPublisher;

/// <summary>One run: parse, bind and mask, inspect, run the targets, report. Returns the exit code.</summary>
public sealed class App(IReadOnlyDictionary<string, string> environment, TextWriter stdout, TextWriter stderr, bool interactive, string currentDirectory)
{
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly SecretRegistry _secrets = new();

    /// <summary>The run, with a last guard: an unexpected failure still ends with a report and exit code 1, never a crash dump.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation)
    {
        try
        {
            return await RunCoreAsync(args, cancellation);
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
            return Finish(platform, Report("", _time.GetUtcNow(), [], [], error: message), ExitCodes.TargetFailed);
        }
    }

    private static bool IsArtifactProblem(Exception e) =>
        e is ArtifactFormatException or ArtifactDiscoveryException or IOException or UnauthorizedAccessException;

    private async Task<int> RunCoreAsync(IReadOnlyList<string> args, CancellationToken cancellation)
    {
        var started = _time.GetUtcNow();
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
            return Finish(fallback, Report("", started, [], [], error: _secrets.Redact($"Invalid command line: {command.Problem}")), code);
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

        var (settings, errors) = new SettingsBinder(sources, environment, currentDirectory, _secrets).Bind(command.Verb, platform.ReadContext(), command.AltStore);
        if (settings is null)
        {
            foreach (var error in errors) stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, _secrets.Redact(error.ToString())));
            stderr.WriteLine("See --help, or the inputs table in the README.");
            return Finish(platform, Report(command.Verb, started, [], [], error: $"Invalid input: {string.Join("; ", errors)}"), ExitCodes.InvalidInput);
        }
        if (command.Verb == Verbs.Inspect) return await InspectAsync(settings, platform, sources.Get("artifacts").DisplayName, cancellation);

        if (command.AltStore?.Register == true) return await RegisterWithAltStoreAsync(settings, platform, started, cancellation);

        var services = BuildServices(settings, platform);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CiPublisher");
        ArtifactSet artifacts;
        try
        {
            artifacts = ArtifactLoader.Load(settings);
        }
        catch (Exception e) when (IsArtifactProblem(e))
        {
            var problem = $"{sources.Get("artifacts").DisplayName}: {e.Message}";
            logger.LogError("{Message}", problem);
            await services.DisposeAsync();
            return Finish(platform, Report(command.Verb, started, [], [], error: _secrets.Redact(problem)), ExitCodes.InvalidInput);
        }

        var targets = services.GetServices<IPublishTarget>().Where(t => t.IsEnabled && (command.Verb == Verbs.Publish || t.Verbs.Contains(command.Verb))).ToList();
        var reportTargets = command.Verb == Verbs.Publish ? services.GetServices<IReportTarget>().Where(t => t.IsEnabled).ToList() : [];
        if (targets.Count == 0 && reportTargets.Count == 0)
        {
            logger.LogError("Nothing to do: no target is enabled for '{Verb}'. Give fenfa-url, aptoide-repo, apple-key-id, altstore-adp-id or github-release (see the README).", command.Verb);
            await services.DisposeAsync();
            return Finish(platform, Report(command.Verb, started, artifacts.Items, [], error: "No target enabled"), ExitCodes.InvalidInput);
        }

        using var deadline = new CancellationTokenSource(settings.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        var runner = services.GetRequiredService<TargetRunner>();
        logger.LogInformation("{Verb}: {Count} artifact(s) to {Targets}{DryRun}", command.Verb, artifacts.Items.Count,
            string.Join(", ", targets.Select(t => t.Name).Concat(reportTargets.Select(t => t.Name))), settings.DryRun ? " (dry run)" : "");

        var results = (await runner.RunAsync(targets, artifacts, linked.Token)).ToList();
        var report = Report(command.Verb, started, artifacts.Items, results, dryRun: settings.DryRun, cancelled: cancellation.IsCancellationRequested,
            error: deadline.IsCancellationRequested && !cancellation.IsCancellationRequested ? $"The run exceeded its timeout of {settings.Timeout}" : null);
        if (reportTargets.Count > 0 && !linked.IsCancellationRequested)
        {
            results.AddRange(await runner.RunAsync(reportTargets, report, linked.Token));
            report = report with { Targets = results, Duration = _time.GetUtcNow() - started };
        }

        await services.DisposeAsync(); // flushes the console logger's queue before the summary is printed
        var exit = report.Cancelled ? ExitCodes.Cancelled : report.Succeeded ? ExitCodes.Success : ExitCodes.TargetFailed;
        return Finish(platform, report, exit);
    }

    private async Task<int> InspectAsync(RunSettings settings, ICiPlatform platform, string artifactsInput, CancellationToken cancellation)
    {
        try
        {
            var artifacts = ArtifactLoader.Load(settings);
            var hashed = new List<ArtifactInfo>();
            foreach (var artifact in artifacts.Items)
                hashed.Add(artifact with { Sha256 = await ArtifactHasher.ComputeSha256Async(artifact.Path, cancellation) });
            stdout.WriteLine(ReportJson.Serialize(hashed));
            return ExitCodes.Success;
        }
        catch (Exception e) when (IsArtifactProblem(e))
        {
            stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, _secrets.Redact($"{artifactsInput}: {e.Message}")));
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>
    /// <c>altstore --register</c>: the security token is a secret. In a terminal it is printed once; in CI it goes to a
    /// file whose path the result reports, because a masked value can be neither logged usefully nor set as an output.
    /// </summary>
    private async Task<int> RegisterWithAltStoreAsync(RunSettings settings, ICiPlatform platform, DateTimeOffset started, CancellationToken cancellation)
    {
        var services = BuildServices(settings, platform);
        var delivery = platform is LocalPlatform ? TokenDelivery.ReturnToCaller : TokenDelivery.WriteToFile;
        var onboarding = await services.GetRequiredService<AltStoreOnboarding>().RegisterAsync(delivery, cancellation);
        await services.DisposeAsync();
        if (onboarding.Token is { } token)
            stdout.WriteLine($"AltStore security token (enter it in App Store Connect; it is shown this once): {token.Reveal()}");
        var report = Report(Verbs.AltStore, started, [], [onboarding.Result], dryRun: settings.DryRun);
        return Finish(platform, report, report.Succeeded ? ExitCodes.Success : ExitCodes.TargetFailed);
    }

    private ServiceProvider BuildServices(RunSettings settings, ICiPlatform platform)
    {
        var services = new ServiceCollection();
        services.AddSingleton(platform);
        services.AddLogging(logging => logging
            .SetMinimumLevel(platform.IsDebug ? LogLevel.Debug : LogLevel.Information)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddConsole(options => options.FormatterName = CiConsoleFormatter.FormatterName)
            // Registered directly: AddConsoleFormatter binds options from configuration by reflection, which Native AOT cannot.
            .Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, CiConsoleFormatter>()));
        services.AddSingleton<ITransferProgress>(sp =>
            new ConsoleTransferProgress(sp.GetRequiredService<ILogger<ConsoleTransferProgress>>(), platform.IsInteractive, stderr));
        services.AddCiPublisherCore(settings, _secrets, _time);
        TargetRegistrations.Add(services, settings);
        return services.BuildServiceProvider();
    }

    private RunReport Report(string verb, DateTimeOffset started, IReadOnlyList<ArtifactInfo> artifacts, IReadOnlyList<TargetResult> targets,
        string? error = null, bool dryRun = false, bool cancelled = false) => new()
        {
            Command = verb,
            Artifacts = artifacts,
            Targets = targets,
            StartedAt = started,
            Duration = _time.GetUtcNow() - started,
            DryRun = dryRun,
            Cancelled = cancelled,
            Error = error,
        };

    /// <summary>Outputs and summary are written whatever happened: what a run did must never be lost.</summary>
    private int Finish(ICiPlatform platform, RunReport report, int exitCode)
    {
        try
        {
            foreach (var (name, value) in OutputsRenderer.Render(report)) platform.SetOutput(name, _secrets.Redact(value));
            platform.AppendSummary(_secrets.Redact(SummaryRenderer.Render(report)));
        }
        catch (IOException e)
        {
            stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, $"Could not write the outputs or summary: {e.Message}"));
        }
        return exitCode;
    }
}
