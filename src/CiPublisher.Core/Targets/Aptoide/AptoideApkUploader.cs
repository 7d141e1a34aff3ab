using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>
/// Puts one APK into the store: ask by checksum first (APK-103: already there; APK-5: send the file), then
/// stream the file. A file upload is never re-sent blindly: after an answer that never came (dropped
/// connection, stall, 5xx) the checksum question tells whether the first attempt landed.
/// </summary>
internal sealed class AptoideApkUploader(
    RunScope scope, AptoideSettings aptoide,
    AptoideClient client,
    AptoideAccessTokens tokens,
    ITransferProgress progress,
    TimeProvider time,
    ILogger<AptoideApkUploader> logger)
{
    private readonly AptoideSettings _aptoide = aptoide;
    private long _bytesSent;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Throws <see cref="RemoteServiceException"/> when Aptoide refuses the APK or cannot be reached.</summary>
    public async Task<ApkUpload> UploadAsync(ArtifactInfo apk, CancellationToken cancellationToken)
    {
        // The checksum question comes before any byte of the file is sent, so the file is read once here for
        // its MD5, and a second time only when Aptoide asks for it (APK-5).
        var md5 = await FileMd5.ComputeAsync(apk.Path, cancellationToken);
        var answer = await AskByChecksumAsync(md5, cancellationToken);
        if (answer.HasError(AptoideErrorCodes.AlreadyInStore)) return new ApkUpload(false, md5, answer.StoreUrl, apk.Sha256);
        // OK without the file: Aptoide knew these bytes from elsewhere and added them to the store.
        if (answer.IsOk) return new ApkUpload(true, md5, answer.StoreUrl, apk.Sha256);
        if (!answer.HasError(AptoideErrorCodes.SendTheFile)) throw Refused(apk, answer);

        return await LandedCheck.SendAsync(new Write<ApkUpload>
        {
            Send = async ct =>
            {
                var (reply, sha256) = await WithFreshTokenAsync(token => SendFileAsync(apk, token, ct), ct);
                if (reply.IsOk) return new ApkUpload(true, md5, reply.StoreUrl, sha256 ?? apk.Sha256);
                if (reply.HasError(AptoideErrorCodes.AlreadyInStore)) return new ApkUpload(false, md5, reply.StoreUrl, sha256 ?? apk.Sha256);
                throw Refused(apk, reply);
            },
            MayHaveLanded = e => e is RemoteServiceException { Kind: RemoteFailureKind.Transport or RemoteFailureKind.Server },
            FindLanded = async (unanswered, ct) =>
            {
                logger.LogWarning("Aptoide: the upload of {File} ended without an answer ({Reason}); asking by checksum whether it landed",
                    apk.FileName, unanswered.Message);
                var check = await AskByChecksumAsync(md5, ct);
                if (check.IsOk || check.HasError(AptoideErrorCodes.AlreadyInStore)) return new ApkUpload(true, md5, check.StoreUrl, apk.Sha256);
                return check.HasError(AptoideErrorCodes.SendTheFile) ? null : throw Refused(apk, check);
            },
            MaxAttempts = scope.Http.MaxRetries + 1,
            Delay = (attempt, _) => scope.Http.RetryBaseDelay * attempt,
        }, time, cancellationToken);
    }

    private Task<AptoideReply> AskByChecksumAsync(string md5, CancellationToken cancellationToken) =>
        WithFreshTokenAsync(async token =>
        {
            using var form = AptoideUploadForm.WithChecksum(token, _aptoide, md5);
            return await client.UploadAppToRepoAsync(form, retrySafe: true, transfer: false, cancellationToken);
        }, cancellationToken);

    private async Task<(AptoideReply Reply, string? Sha256)> SendFileAsync(
        ArtifactInfo apk, string token, CancellationToken cancellationToken)
    {
        var http = scope.Http;
        using var watchdog = new StallWatchdog(time, http.StallTimeout, http.AttemptTimeout, cancellationToken);
        var file = new HashingFileContent(apk.Path, apk.FileName, progress, time, watchdog, AptoideUploadForm.ApkMediaType);
        using var form = AptoideUploadForm.WithFile(token, _aptoide, file, apk.FileName);
        try
        {
            var reply = await client.UploadAppToRepoAsync(form, retrySafe: false, transfer: true, watchdog.Token);
            return (reply, file.Sha256);
        }
        catch (OperationCanceledException) when (watchdog.StallReason is { } reason && !cancellationToken.IsCancellationRequested)
        {
            throw new RemoteServiceException(AptoideResponseReader.Service, RemoteFailureKind.Transport,
                $"the upload of {apk.FileName} stopped: {reason}");
        }
        finally
        {
            Interlocked.Add(ref _bytesSent, file.BytesSent);
        }
    }

    /// <summary>Aptoide's uploader replaces an expired or invalid token once and retries once; so does this.</summary>
    private async Task<T> WithFreshTokenAsync<T>(Func<string, Task<T>> call, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        try
        {
            return await call(token);
        }
        catch (RemoteServiceException refused) when (refused.Kind == RemoteFailureKind.Authentication && tokens.CanLogIn)
        {
            logger.LogWarning("Aptoide refused the access token ({Reason}); logging in again", refused.Message);
            return await call(await tokens.RenewAsync(token, cancellationToken));
        }
    }

    private static RemoteServiceException Refused(ArtifactInfo apk, AptoideReply reply) =>
        new(AptoideResponseReader.Service, RemoteFailureKind.Rejected,
            $"Aptoide refused {apk.FileName}: {reply.DescribeErrors()}", code: reply.FirstCode);
}
