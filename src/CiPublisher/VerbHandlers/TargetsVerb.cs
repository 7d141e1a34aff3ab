using CiPublisher.Ci;
using CiPublisher.Cli;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.VerbHandlers;

/// <summary>
/// <c>publish</c>, <c>register-devices</c>, <c>altstore</c>: load the artifacts, run the targets the verb and the inputs
/// enable, then the report targets (publish only), and report.
/// </summary>
public sealed class TargetsVerb(ICiPlatform platform, SecretRegistry secrets, TimeProvider time, TextWriter stdout, TextWriter stderr,
    RunReporter reporter)
{
    public async Task<int> RunAsync(string verb, RunSettings settings, string artifactsInput, CancellationToken cancellation)
    {
        var calls = new CallMeter();
        if (settings.ReleaseNotesFromPullRequest && settings.Module<GitHubSettings>() is { } github)
        {
            // Read before the services are built: every target takes the notes from the settings.
            await using var logging = ServiceGraph.BuildLogging(platform, secrets, stdout);
            var notes = await PullRequestNotes.ReadAsync(github, settings.Scope, secrets, time, calls,
                logging.GetRequiredService<ILoggerFactory>().CreateLogger("CiPublisher"), cancellation);
            settings = settings with { ReleaseNotes = notes, ReleaseNotesFromPullRequest = false };
        }
        await using var services = ServiceGraph.Build(settings, platform, secrets, time, stdout, stderr, calls);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CiPublisher");
        foreach (var notice in settings.Notices) logger.LogWarning("{Notice}", notice);
        ArtifactSet artifacts;
        try
        {
            artifacts = ArtifactLoader.Load(settings);
        }
        catch (Exception e) when (ArtifactProblems.Are(e))
        {
            var problem = $"{artifactsInput}: {e.Message}";
            logger.LogError("{Message}", problem);
            await services.DisposeAsync();
            return reporter.Fail(verb, secrets.Redact(problem), ExitCodes.InvalidInput);
        }

        var targets = services.GetServices<IPublishTarget>().Where(t => t.IsEnabled && Cli.Verbs.Runs(verb, t)).ToList();
        var reportTargets = verb == Cli.Verbs.Publish ? services.GetServices<IReportTarget>().Where(t => t.IsEnabled).ToList() : [];
        if (targets.Count == 0 && reportTargets.Count == 0)
        {
            logger.LogError("Nothing to do: no target is enabled for '{Verb}'. Give fenfa-url, aptoide-repo, apple-key-id, altstore-adp-id or github-release (see the README).", verb);
            await services.DisposeAsync();
            return reporter.Fail(verb, "No target enabled", ExitCodes.InvalidInput, artifacts.Items);
        }

        var problems = targets.SelectMany(t => t.InputProblems(artifacts)).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems) logger.LogError("{Problem}", problem);
            await services.DisposeAsync();
            return reporter.Fail(verb, secrets.Redact($"Invalid input: {string.Join("; ", problems)}"), ExitCodes.InvalidInput, artifacts.Items);
        }

        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        var runner = services.GetRequiredService<TargetRunner>();
        logger.LogInformation("{Verb}: {Count} artifact(s) to {Targets}{DryRun}", verb, artifacts.Items.Count,
            string.Join(", ", targets.Select(t => t.Name).Concat(reportTargets.Select(t => t.Name))), settings.DryRun ? " (dry run)" : "");

        var results = (await runner.RunAsync(targets, artifacts, linked.Token)).ToList();
        var report = reporter.Report(verb, artifacts.Items, results, dryRun: settings.DryRun, cancelled: cancellation.IsCancellationRequested,
            error: deadline.IsCancellationRequested && !cancellation.IsCancellationRequested ? $"The run exceeded its timeout of {settings.Timeout}" : null);
        if (reportTargets.Count > 0 && !linked.IsCancellationRequested)
        {
            results.AddRange(await runner.RunAsync(reportTargets, report, linked.Token));
            report = reporter.Report(verb, artifacts.Items, results, dryRun: settings.DryRun, cancelled: report.Cancelled, error: report.Error);
        }

        await services.DisposeAsync(); // flushes the console logger's queue before the summary is printed
        var exit = report.Cancelled ? ExitCodes.Cancelled : report.Succeeded ? ExitCodes.Success : ExitCodes.TargetFailed;
        return reporter.Finish(report, exit);
    }
}
