using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets;

/// <summary>
/// Runs the enabled targets concurrently; one failing does not stop the others, and none throws past here. Each
/// <see cref="IDownloadLinkProvider"/>'s result goes to <see cref="RunDownloadLinks"/> however it ended.
/// </summary>
public sealed class TargetRunner(SecretRegistry secrets, TimeProvider time, RunDownloadLinks links, ILogger<TargetRunner> logger)
{
    public async Task<IReadOnlyList<TargetResult>> RunAsync(
        IEnumerable<IPublishTarget> targets, ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var all = targets.ToList();
        links.Expect(all.OfType<IDownloadLinkProvider>().OrderBy(t => t.DownloadLinkRank).Select(p => p.Name));
        var runs = all.Select(async t =>
        {
            var result = await GuardAsync(t.Name, ct => t.RunAsync(artifacts, ct), cancellationToken);
            if (t is IDownloadLinkProvider) links.Finished(t.Name, result);
            return result;
        });
        return await Task.WhenAll(runs);
    }

    public async Task<IReadOnlyList<TargetResult>> RunAsync(
        IEnumerable<IReportTarget> targets, RunReport report, CancellationToken cancellationToken)
    {
        var runs = targets.Select(t => GuardAsync(t.Name, ct => t.RunAsync(report, ct), cancellationToken));
        return await Task.WhenAll(runs);
    }

    private async Task<TargetResult> GuardAsync(
        string name, Func<CancellationToken, Task<TargetResult>> run, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await Task.Yield();
            var result = await run(cancellationToken);
            if (result.Outcome == Outcome.Failed) logger.LogError("{Target} failed: {Reason}", name, secrets.Redact(result.Reason ?? "see the summary"));
            return result with { Duration = result.Duration == default ? time.GetElapsedTime(started) : result.Duration };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TargetResult.Failed(name, "cancelled before it finished", time.GetElapsedTime(started));
        }
        catch (Exception exception)
        {
            var message = secrets.Redact(FailureText.Of(exception));
            logger.LogError("{Target} failed: {Message}", name, message);
            // The stack trace is for a debug re-run (RUNNER_DEBUG=1), redacted like everything else.
            logger.LogDebug("{Target}: {Exception}", name, secrets.Redact(exception.ToString()));
            return TargetResult.Failed(name, message, time.GetElapsedTime(started));
        }
    }
}
