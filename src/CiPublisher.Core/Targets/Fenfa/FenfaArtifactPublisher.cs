using System.Globalization;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Publishes one artifact to one variant without ever making a duplicate: Fenfa accepts the same version
/// any number of times, so it looks before it uploads, and after an ambiguous failure (dropped connection,
/// timeout, 5xx) it looks again before sending the file again.
/// </summary>
public sealed class FenfaArtifactPublisher(
    FenfaClient client, RunSettings settings, ITransferProgress progress, TimeProvider time, ILogger logger)
{
    public async Task<ItemResult> PublishAsync(ArtifactInfo artifact, FenfaDestination destination, CancellationToken cancellationToken)
    {
        var build = BuildNumber(artifact);
        var before = destination.ListReleases is { } list ? await list(cancellationToken) : null;
        if (settings.Fenfa!.SkipExisting && before?.FirstOrDefault(r => IsSame(r, artifact, build)) is { } existing)
        {
            logger.LogInformation("Fenfa: {File} {Version} ({Build}) is already published as {Release}; skipped",
                artifact.FileName, artifact.Version, build, existing.Id);
            return Item(artifact, build, Outcome.AlreadyDone, existing.Id, Links(destination, existing.Id, artifact), sha256: null, "already published");
        }

        var known = before?.Select(r => r.Id).ToHashSet() ?? [];
        var upload = new FenfaUpload(destination.VariantId, artifact.FileName, artifact.Version, build, settings.Channel,
            FenfaPlatform.MinOs(artifact), settings.ReleaseNotes);
        for (var attempt = 1; ; attempt++)
        {
            using var watchdog = new StallWatchdog(time, settings.Http.StallTimeout, settings.Http.AttemptTimeout, cancellationToken);
            var file = new HashingFileContent(artifact.Path, artifact.FileName, progress, time, watchdog);
            try
            {
                var result = await client.UploadAsync(upload, file, watchdog.Token);
                var releaseId = result.Release?.Id ?? "";
                logger.LogInformation("Fenfa: {File} published as {Release}", artifact.FileName, releaseId);
                return Item(artifact, build, Outcome.Succeeded, releaseId, FenfaLinks.FromUpload(result.Urls, artifact.Platform), file.Sha256, null);
            }
            catch (Exception e) when (IsAmbiguous(e, cancellationToken))
            {
                var why = watchdog.StallReason ?? FailureText.Of(e);
                logger.LogWarning("Fenfa: upload of {File} ended ambiguously ({Why}); checking whether it landed", artifact.FileName, why);
                if (destination.ListReleases is null && file.BytesSent > 0)
                    throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Transport,
                        $"uploading {artifact.FileName} ended ambiguously ({why}); the token cannot list releases to check, so it was not sent again to avoid a duplicate");
                if (destination.ListReleases is { } relist
                    && (await relist(cancellationToken)).FirstOrDefault(r => !known.Contains(r.Id) && IsSame(r, artifact, build)) is { } landed)
                {
                    logger.LogInformation("Fenfa: the upload of {File} did land, as {Release}", artifact.FileName, landed.Id);
                    return Item(artifact, build, Outcome.Succeeded, landed.Id, Links(destination, landed.Id, artifact),
                        file.BytesSent == artifact.SizeBytes ? file.Sha256 : null, "landed although the connection failed");
                }
                if (attempt > settings.Http.MaxRetries) throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Transport,
                    $"uploading {artifact.FileName} failed {attempt} times; last: {why}", inner: e);

                var delay = (e as RemoteServiceException)?.RetryAfter ?? Backoff(attempt);
                logger.LogWarning("Fenfa: it did not land; sending {File} again in {Delay:0.#}s (attempt {Next} of {Max})",
                    artifact.FileName, delay.TotalSeconds, attempt + 1, settings.Http.MaxRetries + 1);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static bool IsAmbiguous(Exception e, CancellationToken outer) => e switch
    {
        RemoteServiceException r => r.Kind is RemoteFailureKind.Server or RemoteFailureKind.RateLimited or RemoteFailureKind.Transport,
        OperationCanceledException => !outer.IsCancellationRequested,
        _ => TransientFailure.IsTransient(e),
    };

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(settings.Http.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));

    /// <summary>Fenfa stores build as an integer and silently turns anything else into 0 (pitfall 6).</summary>
    private long BuildNumber(ArtifactInfo artifact)
    {
        if (artifact.Build is null) return 0;
        if (long.TryParse(artifact.Build, NumberStyles.None, CultureInfo.InvariantCulture, out var build)) return build;
        logger.LogWarning("Fenfa: build '{Build}' of {File} is not an integer, and Fenfa stores builds as integers (it would keep 0); sending 0. Give build-number to set one.",
            artifact.Build, artifact.FileName);
        return 0;
    }

    private static bool IsSame(FenfaRelease release, ArtifactInfo artifact, long build) =>
        string.Equals(release.Version ?? "", artifact.Version ?? "", StringComparison.Ordinal) && release.Build == build;

    private Dictionary<string, string> Links(FenfaDestination destination, string releaseId, ArtifactInfo artifact) =>
        FenfaLinks.Compose(settings.Fenfa!.Url, destination.ProductSlugOrId, destination.VariantId, releaseId, artifact.Platform);

    private static ItemResult Item(ArtifactInfo artifact, long build, Outcome outcome, string releaseId, Dictionary<string, string> links, string? sha256, string? reason)
    {
        var facts = new Dictionary<string, string>
        {
            ["version"] = artifact.Version ?? "",
            ["build"] = build.ToString(CultureInfo.InvariantCulture),
            ["size"] = SummaryRenderer.Size(artifact.SizeBytes),
            ["release-id"] = releaseId,
        };
        if (sha256 is not null) facts["sha256"] = sha256;
        return new ItemResult { Name = artifact.FileName, Outcome = outcome, Reason = reason, Links = links, Facts = facts };
    }
}
