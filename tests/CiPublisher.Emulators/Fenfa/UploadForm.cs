using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>The file part of an upload, already on disk in the emulator's temp directory.</summary>
internal sealed record UploadedFile(string FileName, string TempPath, string Sha256, long Size, bool StartsWithPk);

/// <summary>
/// A whole multipart form, read before any field is looked at (Gin's <c>ParseMultipartForm</c>; contract
/// pitfall 4). The first file part named <c>app_file</c> streams to a temp file while its SHA-256 and size are
/// computed, so memory does not grow with the upload; other file parts are drained.
/// </summary>
internal sealed class UploadForm : IDisposable
{
    private const int CopyBufferSize = 81920;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private UploadForm()
    {
    }

    public UploadedFile? AppFile { get; private set; }

    /// <summary>The first value of a text field, or "" (Go's <c>PostForm</c>).</summary>
    public string Value(string name) => _values.GetValueOrDefault(name, "");

    public static async Task<UploadForm> ReadAsync(HttpRequest request, string tempDirectory, CancellationToken cancellationToken)
    {
        var form = new UploadForm();
        try
        {
            if (request.HasFormContentType && !IsMultipart(request.ContentType))
            {
                // A url-encoded body still yields text fields to PostForm; it can never carry app_file.
                foreach (var (key, value) in await request.ReadFormAsync(cancellationToken)) form._values.TryAdd(key, value.ToString());
            }
            else if (Boundary(request.ContentType) is { } boundary)
            {
                await form.ReadMultipartAsync(new MultipartReader(boundary, request.Body), tempDirectory, cancellationToken);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A malformed form parses to nothing, as Go's ParseMultipartForm error leaves PostForm empty;
            // the handler then answers "missing variant_id".
            form.Dispose();
            form = new UploadForm();
        }
        catch
        {
            form.Dispose();
            throw;
        }
        return form;
    }

    private async Task ReadMultipartAsync(MultipartReader reader, string tempDirectory, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = disposition?.Name.Value ?? "";
            var fileName = disposition?.FileNameStar.Value ?? disposition?.FileName.Value;
            if (disposition is null)
            {
                await section.Body.DrainAsync(cancellationToken);
            }
            else if (!string.IsNullOrEmpty(fileName))
            {
                if (name == "app_file" && AppFile is null) AppFile = await SaveAsync(section.Body, fileName, tempDirectory, cancellationToken);
                else await section.Body.DrainAsync(cancellationToken);
            }
            else
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var value = await text.ReadToEndAsync(cancellationToken);
                _values.TryAdd(name, value);
            }
        }
    }

    private static async Task<UploadedFile> SaveAsync(Stream body, string fileName, string tempDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tempDirectory);
        var path = Path.Combine(tempDirectory, "upload-" + Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferSize];
        var head = new List<byte>(2);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                for (var i = 0; i < read && head.Count < 2; i++) head.Add(buffer[i]);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        var startsWithPk = head.Count == 2 && head[0] == (byte)'P' && head[1] == (byte)'K';
        return new UploadedFile(Path.GetFileName(fileName), path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, startsWithPk);
    }

    private static bool IsMultipart(string? contentType) =>
        contentType is not null && contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Value!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) ? null : boundary;
    }

    /// <summary>Deletes the temp file unless it was moved into storage.</summary>
    public void Dispose()
    {
        if (AppFile is not null && File.Exists(AppFile.TempPath)) File.Delete(AppFile.TempPath);
    }
}
