using System.Buffers;
using System.Security.Cryptography;

namespace CiPublisher.Core.Artifacts;

/// <summary>SHA-256 of an artifact when no upload computes it on the way (the <c>inspect</c> verb).</summary>
public static class ArtifactHasher
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>Streams the file once, 1 MiB at a time; returns the lowercase hex digest.</summary>
    public static async Task<string> ComputeSha256Async(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // bufferSize 1: our own 1 MiB buffer does the buffering; sequential scan hints read-ahead.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
