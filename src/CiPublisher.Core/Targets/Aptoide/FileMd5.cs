using System.Security.Cryptography;
using CiPublisher.Core.Http;

namespace CiPublisher.Core.Targets.Aptoide;

internal static class FileMd5
{
    /// <summary>Lowercase hex MD5 of a file, read as a stream (artifacts can be gigabytes).</summary>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, HashingFileContent.BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
#pragma warning disable CA5351 // Aptoide's protocol identifies files by MD5; it is a checksum here, not a security measure.
        var hash = await MD5.HashDataAsync(file, cancellationToken);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
