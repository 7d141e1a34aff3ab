using System.Buffers;
using System.Net;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>
/// Fetches the zip behind AltStore's download link to a file: streamed in 1 MiB pieces, never held in memory, with
/// progress, a stall watchdog instead of a time limit, the length checked against the one announced, and a broken
/// transfer started again. A link AltStore no longer serves (403, 404, 410) fails with its status, so the caller can
/// renew it: the link expires, and how it answers then is unconfirmed.
/// </summary>
public sealed class AdpDownloader(IAltStoreApi api, HttpSettings http, ITransferProgress progress, TimeProvider time, SecretRegistry secrets)
{
    private const int BufferSize = 1024 * 1024;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public static bool IsExpiredLink(RemoteServiceException failure) => failure.StatusCode is 403 or 404 or 410;

    /// <returns>The bytes written to <paramref name="path"/>.</returns>
    public async Task<long> DownloadAsync(string link, string path, string displayName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(link, path, displayName, cancellationToken);
            }
            catch (RemoteServiceException failure) when (failure.Kind == RemoteFailureKind.Transport && attempt <= http.MaxRetries
                                                         && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(StreamedUpload.PauseBefore(http, attempt, failure), time, cancellationToken);
            }
        }
    }

    private async Task<long> AttemptAsync(string link, string path, string displayName, CancellationToken cancellationToken)
    {
        using var watchdog = new StallWatchdog(time, http.StallTimeout, http.AttemptTimeout, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Options.Set(RequestMarks.Transfer, true);
        var started = time.GetTimestamp();
        try
        {
            using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new RemoteServiceException(AltStoreGateway.Service, RemoteServiceException.KindOf(status),
                    $"{AltStoreGateway.Service}: downloading the processed ADP failed with HTTP {status}: " +
                    AnswerText.Quote(await response.Content.ReadAsStringAsync(watchdog.Token), secrets), status);
            }
            var announced = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(watchdog.Token);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            var written = await CopyAsync(body, file, displayName, announced, watchdog, started);
            if (announced is { } length && written != length)
                throw new RemoteServiceException(AltStoreGateway.Service, RemoteFailureKind.Transport,
                    $"{AltStoreGateway.Service}: the ADP download ended after {written} of {length} bytes");
            progress.Completed(displayName, written, time.GetElapsedTime(started));
            return written;
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException
                                        || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RemoteServiceException(AltStoreGateway.Service, RemoteFailureKind.Transport,
                $"{AltStoreGateway.Service}: the ADP download broke off: {secrets.Redact(watchdog.StallReason ?? FailureText.Of(failure))}", inner: failure);
        }
    }

    private async Task<long> CopyAsync(Stream body, Stream file, string displayName, long? announced, StallWatchdog watchdog, long started)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long written = 0;
            var lastReport = started;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), watchdog.Token)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), watchdog.Token);
                written += read;
                watchdog.Progressed();
                if (announced is { } total && time.GetElapsedTime(lastReport) >= ProgressInterval)
                {
                    lastReport = time.GetTimestamp();
                    progress.Report(displayName, written, total, time.GetElapsedTime(started));
                }
            }
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
