using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// Asks AltStore to process an ADP and waits for its download link: polls with a growing, jittered delay, logs each
/// status change once, and rides out transient failures until the wait timeout.
/// </summary>
public sealed class AdpProcessor(AltStoreGateway gateway, TimeProvider time, ILogger logger, Random random)
{
    private const string NotKnownYet = "(not known yet)";

    /// <summary>How long one unknown status may stay the same before it counts as stuck: processing takes minutes.</summary>
    public static readonly TimeSpan UnknownStatusPatience = TimeSpan.FromMinutes(15);

    /// <param name="reuseReady">
    /// Whether a link AltStore already has may be used without processing again: only when the caller downloads it at
    /// once, so that an expired link shows (403, 404) and is renewed then (the contract: poll first, trigger when there
    /// is no usable link). A link written into a source unread is always a fresh one.
    /// </param>
    public async Task<AdpResult> ProcessAsync(string adpId, bool wait, TimeSpan timeout, CancellationToken cancellationToken, bool reuseReady = false)
    {
        var started = time.GetTimestamp();
        if (reuseReady && await ReadyAlreadyAsync(adpId, cancellationToken) is { } ready)
        {
            logger.LogInformation("AltStore: ADP {AdpId} is already processed; using its download link", adpId);
            return new AdpResult(AdpOutcome.Ready, ready.StatusText, ready.DownloadUrl, time.GetElapsedTime(started), 1);
        }
        await TriggerAsync(adpId, cancellationToken);
        logger.LogInformation("AltStore: asked to process ADP {AdpId}", adpId);
        if (!wait) return new AdpResult(AdpOutcome.Triggered, "triggered", null, time.GetElapsedTime(started), 0);
        return await WaitAsync(adpId, started, timeout, cancellationToken);
    }

    /// <summary>The ADP's state when AltStore already has it processed with a link it does not call expired; else null.</summary>
    private async Task<AdpState?> ReadyAlreadyAsync(string adpId, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.GetAdpAsync(adpId, cancellationToken) is { Phase: AdpPhase.Ready, DownloadUrl: not null, DownloadExpired: false } state
                ? state
                : null;
        }
        catch (RemoteServiceException failure) when (failure.IsTransient)
        {
            logger.LogWarning("AltStore: {Message}; asking it to process the ADP", failure.Message);
            return null;
        }
    }

    /// <summary>
    /// Asks even when an earlier run processed the ADP (unless the caller reuses a ready link it will download at once): the seed names POST /adps as the way to renew an
    /// expired download link, and a link's lifetime is unknown. After a transient failure the request is not re-sent
    /// blindly (two triggers at once: effect unconfirmed): an ADP AltStore now reports as processing shows it landed.
    /// </summary>
    private async Task TriggerAsync(string adpId, CancellationToken cancellationToken)
    {
        try
        {
            await gateway.TriggerAsync(adpId, cancellationToken);
        }
        catch (RemoteServiceException failure) when (failure.IsTransient)
        {
            logger.LogWarning("AltStore: {Message}; checking whether the request landed", failure.Message);
            var state = await gateway.GetAdpAsync(adpId, cancellationToken);
            if (state is { Phase: AdpPhase.Processing, Status: not null }) return;
            await gateway.TriggerAsync(adpId, cancellationToken);
        }
    }

    private async Task<AdpResult> WaitAsync(string adpId, long started, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var schedule = new PollSchedule(random);
        string? lastStatus = null;
        var statusSince = time.GetTimestamp();
        var polls = 0;
        while (true)
        {
            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var elapsed = time.GetElapsedTime(started);
                return new AdpResult(AdpOutcome.TimedOut, lastStatus ?? NotKnownYet, null, elapsed, polls,
                    $"ADP {adpId} was not processed within {Readable.Duration(timeout)} (last status: {lastStatus ?? NotKnownYet})");
            }
            var delay = schedule.Next();
            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken);

            polls++;
            AdpState? state;
            try
            {
                state = await gateway.GetAdpAsync(adpId, cancellationToken);
            }
            catch (RemoteServiceException failure) when (failure.IsTransient)
            {
                logger.LogWarning("AltStore: {Message}; still waiting", failure.Message);
                continue;
            }

            // A 404 right after the trigger is read as "not registered yet": how AltStore answers is unconfirmed.
            var status = state?.StatusText ?? NotKnownYet;
            if (status != lastStatus)
            {
                logger.LogInformation("AltStore: ADP {AdpId} status {Status} after {Elapsed}", adpId, status,
                    Readable.Duration(time.GetElapsedTime(started)));
                lastStatus = status;
                statusSince = time.GetTimestamp();
            }
            switch (state?.Phase)
            {
                case AdpPhase.Ready:
                    return new AdpResult(AdpOutcome.Ready, status, state.DownloadUrl, time.GetElapsedTime(started), polls);
                case AdpPhase.Failed:
                    return new AdpResult(AdpOutcome.Failed, status, null, time.GetElapsedTime(started), polls,
                        $"AltStore reports ADP {adpId} as '{status}'" + (state.Message is { } said ? $": {said}" : ""));
                case AdpPhase.Unknown when time.GetElapsedTime(statusSince) >= UnknownStatusPatience:
                    return new AdpResult(AdpOutcome.Failed, status, null, time.GetElapsedTime(started), polls,
                        $"AltStore kept answering '{status}' for ADP {adpId}, a status that is neither processing nor done, for " +
                        $"{Readable.Duration(time.GetElapsedTime(statusSince))}; process it again later, or ask AltStore");
            }
        }
    }

}
