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
    FenfaClient client, RunScope scope, FenfaSettings fenfa, ITransferProgress progress, TimeProvider time, ILogger logger)
{
    /// <param name="filesSharingRelease">
    /// How many files of this run go to the same variant with the same version and build (1 for most). Fenfa accepts
    /// them all, and only the SHA-256 of its CSV export tells their releases apart (contract O.8).
    /// </param>
    public async Task<ItemResult> PublishAsync(ArtifactInfo artifact, FenfaDestination destination, int filesSharingRelease, CancellationToken cancellationToken)
    {
        var build = BuildNumber(artifact);
        var before = destination.ListReleases is { } list ? await list(cancellationToken) : null;
        if (fenfa.SkipExisting && before is not null
            && await FindSameFileAsync(artifact, build, before, filesSharingRelease, cancellationToken) is { } existing)
        {
            logger.LogInformation("Fenfa: {File} {Version} ({Build}) is already published as {Release}; skipped",
                artifact.FileName, artifact.Version, build, existing.Id);
            return Item(artifact, build, Outcome.AlreadyDone, existing.Id, FenfaLinks.Shown(existing.Urls, artifact.Platform), existing.Sha256, "already published");
        }

        var known = before?.Select(r => r.Id).ToHashSet() ?? [];
        var upload = new FenfaUpload(destination.VariantId, artifact.FileName, artifact.Version, build, scope.Channel,
            FenfaPlatform.MinOs(artifact), scope.ReleaseNotes);
        using var file = new StreamedUpload(artifact.Path, artifact.FileName, "application/octet-stream", scope.Http, progress, time);
        return await LandedCheck.SendAsync(new Write<ItemResult>
        {
            Send = async ct =>
            {
                var content = file.NextAttempt(ct);
                var result = await client.UploadAsync(upload, content, file.Token);
                var releaseId = result.Release?.Id ?? "";
                logger.LogInformation("Fenfa: {File} published as {Release}", artifact.FileName, releaseId);
                return Item(artifact, build, Outcome.Succeeded, releaseId, FenfaLinks.Shown(result.Urls, artifact.Platform), content.Sha256, null);
            },
            MayHaveLanded = e => StreamedUpload.MayHaveLanded(e, cancellationToken),
            FindLanded = async (e, ct) =>
            {
                logger.LogWarning("Fenfa: upload of {File} ended ambiguously ({Why}); checking whether it landed", artifact.FileName, file.Why(e));
                var sent = file.Content!;
                if (destination.ListReleases is not { } relist)
                {
                    return sent.BytesSent == 0 ? null : throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Transport,
                        $"uploading {artifact.FileName} ended ambiguously ({file.Why(e)}); the token cannot list releases to check, so it was not sent again to avoid a duplicate");
                }
                var sentSha256 = sent.BytesSent == artifact.SizeBytes ? sent.Sha256 : null;
                if ((await relist(ct)).FirstOrDefault(r => !known.Contains(r.Id) && IsSameVersion(r, artifact, build)
                        && (r.Sha256 is null || sentSha256 is null || r.Sha256 == sentSha256)) is not { } landed)
                    return null;
                logger.LogInformation("Fenfa: the upload of {File} did land, as {Release}", artifact.FileName, landed.Id);
                return Item(artifact, build, Outcome.Succeeded, landed.Id, FenfaLinks.Shown(landed.Urls, artifact.Platform),
                    landed.Sha256 ?? sentSha256, "landed although the connection failed");
            },
            MaxAttempts = scope.Http.MaxRetries + 1,
            Delay = file.PauseBefore,
            BeforeSendingAgain = (next, delay) => logger.LogWarning("Fenfa: it did not land; sending {File} again in {Delay:0.#}s (attempt {Next} of {Max})",
                artifact.FileName, delay.TotalSeconds, next, scope.Http.MaxRetries + 1),
            GiveUp = (attempts, e) => new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Transport,
                $"uploading {artifact.FileName} failed {attempts} times; last: {file.Why(e)}", inner: e),
        }, time, cancellationToken);
    }

    /// <summary>Fenfa stores build as an integer and silently turns anything else into 0 (pitfall 6).</summary>
    private long BuildNumber(ArtifactInfo artifact)
    {
        if (artifact.Build is null) return 0;
        if (long.TryParse(artifact.Build, NumberStyles.None, CultureInfo.InvariantCulture, out var build)) return build;
        logger.LogWarning("Fenfa: build '{Build}' of {File} is not an integer, and Fenfa stores builds as integers (it would keep 0); sending 0. Give build-number to set one.",
            artifact.Build, artifact.FileName);
        return 0;
    }

    /// <summary>
    /// The release that holds this very file. With checksums (admin token) only the same bytes count, so another file
    /// of the same version is uploaded rather than lost. Without them, version and build are all there is to go on: a
    /// match counts unless several files of this run share them and fewer releases than files exist, which cannot be
    /// told apart and fails the file rather than guess.
    /// </summary>
    private async Task<FenfaListedRelease?> FindSameFileAsync(
        ArtifactInfo artifact, long build, IReadOnlyList<FenfaListedRelease> releases, int filesSharingRelease, CancellationToken cancellationToken)
    {
        var candidates = releases.Where(r => IsSameVersion(r, artifact, build)).ToList();
        if (candidates.Count == 0) return null;
        if (candidates.Any(r => r.Sha256 is not null))
        {
            var sha256 = artifact.Sha256 ?? await ArtifactHasher.ComputeSha256Async(artifact.Path, cancellationToken);
            if (candidates.FirstOrDefault(r => r.Sha256 == sha256) is { } same) return same;
            if (candidates.All(r => r.Sha256 is not null))
            {
                logger.LogInformation("Fenfa: {Version} ({Build}) is on the variant as {Releases} with other bytes than {File}; uploading {File} as a release of its own",
                    artifact.Version, build, string.Join(", ", candidates.Select(r => r.Id)), artifact.FileName, artifact.FileName);
                return null;
            }
        }
        if (filesSharingRelease > 1 && candidates.Count < filesSharingRelease)
            throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Rejected,
                $"{artifact.FileName}: {filesSharingRelease} files of this run are {artifact.Version} ({build}) on one variant, " +
                $"{candidates.Count} such release(s) exist, and without an admin token Fenfa cannot tell which file a release holds; " +
                "give an admin token as fenfa-token (and fenfa-product, so that each file gets a variant of its own)");
        if (filesSharingRelease > 1)
            logger.LogWarning("Fenfa: {File}: {Count} files of this run are {Version} ({Build}) on one variant and as many releases exist; taken as published (only an admin token lets it compare bytes)",
                artifact.FileName, filesSharingRelease, artifact.Version, build);
        return candidates[0];
    }

    private static bool IsSameVersion(FenfaListedRelease release, ArtifactInfo artifact, long build) =>
        string.Equals(release.Version ?? "", artifact.Version ?? "", StringComparison.Ordinal) && release.Build == build;

    private static ItemResult Item(ArtifactInfo artifact, long build, Outcome outcome, string releaseId, Publication links, string? sha256, string? reason) => new()
    {
        Name = artifact.FileName, Outcome = outcome, Reason = reason,
        Published = links with
        {
            Version = artifact.Version ?? "", Build = build.ToString(CultureInfo.InvariantCulture), ReleaseId = releaseId, Sha256 = sha256,
        },
        Facts = new Dictionary<string, string> { ["size"] = Readable.Size(artifact.SizeBytes) },
    };
}
