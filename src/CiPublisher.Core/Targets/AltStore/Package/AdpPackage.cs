using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>One file of an unpacked ADP: its path inside the package, size and SHA-256, and whether it was already there.</summary>
public sealed record AdpFile(string RelativePath, long Size, string Sha256, bool WasThere);

/// <summary>An ADP unpacked into a folder: the files its manifest names, byte for byte as AltStore sent them.</summary>
public sealed record UnpackedAdp(string Folder, AdpManifest Manifest, IReadOnlyList<AdpFile> Files, IReadOnlyList<string> LeftOut)
{
    public string PathOf(AdpFile file) => Path.Combine(Folder, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    public AdpFile ManifestFile => Files.First(f => f.RelativePath == AdpPackage.ManifestName);

    /// <summary>The size AltStore shows for the version: "any of the variants" may be used; the first is.</summary>
    public long VariantSize => Files.First(f => f.RelativePath == Manifest.VariantPaths[0]).Size;
}

/// <summary>
/// Opens the zip AltStore serves for a processed ADP and unpacks exactly the package's files (<c>manifest.json</c>,
/// <c>signature</c>, the variants and deltas the manifest names) with their folders, unchanged: the device checks
/// their hashes and Apple's validator refuses added files, so anything else in the zip is left out and reported.
/// Files already in the folder with the same content are kept as they are; others are replaced atomically.
/// </summary>
public static class AdpPackage
{
    public const string ManifestName = "manifest.json";
    public const string SignatureName = "signature";

    // A manifest lists a handful of variants and their chunk digests: far below this. A bigger one is not a manifest.
    private const long LargestManifest = 32L * 1024 * 1024;
    private const int BufferSize = 1024 * 1024;

    public static async Task<UnpackedAdp> UnpackAsync(string zipPath, string folder, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(zipPath), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException notZip)
        {
            throw new AdpPackageException($"the ADP download is not a zip archive: {notZip.Message}");
        }
        using (zip)
        {
            var entries = FilesOf(zip);
            var root = RootOf(entries.Keys);
            var manifest = AdpManifest.Parse(await ReadManifestAsync(entries[root + ManifestName], cancellationToken));
            if (manifest.VariantPaths.Count == 0) throw new AdpPackageException("manifest.json lists no variant, so there is nothing to install");

            var wanted = new List<string> { ManifestName, SignatureName };
            wanted.AddRange(manifest.VariantPaths.Concat(manifest.DeltaPaths).Where(p => !wanted.Contains(p, StringComparer.Ordinal)));
            var missing = wanted.Where(p => !entries.ContainsKey(root + p)).ToList();
            if (missing.Count > 0)
                throw new AdpPackageException($"the ADP download lacks {string.Join(", ", missing)}, which manifest.json names");
            var leftOut = entries.Keys.Where(name => !name.StartsWith(root, StringComparison.Ordinal)
                                                     || !wanted.Contains(name[root.Length..], StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();

            Directory.CreateDirectory(folder);
            var files = new List<AdpFile>();
            foreach (var path in wanted) files.Add(await WriteAsync(entries[root + path], path, folder, cancellationToken));
            return new UnpackedAdp(folder, manifest, files, leftOut);
        }
    }

    private static Dictionary<string, ZipArchiveEntry> FilesOf(ZipArchive zip)
    {
        var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            if (!PackagePath.IsPlainRelative(entry.FullName))
                throw new AdpPackageException($"the ADP download holds '{entry.FullName}', which is not a path inside the package");
            if (!files.TryAdd(entry.FullName, entry)) throw new AdpPackageException($"the ADP download holds '{entry.FullName}' twice");
        }
        return files;
    }

    /// <summary>Where the package starts: the top of the zip, or its one folder when the zip wraps the package in one.</summary>
    private static string RootOf(IEnumerable<string> names)
    {
        var manifests = names.Where(n => n == ManifestName || (n.EndsWith("/" + ManifestName, StringComparison.Ordinal) && n.Count(c => c == '/') == 1)).ToList();
        if (manifests.Contains(ManifestName)) return "";
        return manifests.Count == 1
            ? manifests[0][..^ManifestName.Length]
            : throw new AdpPackageException("the ADP download has no manifest.json at its top, so it is not an ADP");
    }

    private static async Task<byte[]> ReadManifestAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Length > LargestManifest) throw new AdpPackageException($"manifest.json is {entry.Length} bytes, too large to be a manifest");
        var bytes = new byte[entry.Length];
        await using var stream = entry.Open();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    private static async Task<AdpFile> WriteAsync(ZipArchiveEntry entry, string path, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            string sha256;
            uint crc32;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            await using (var input = entry.Open())
            {
                (sha256, crc32) = await CopyHashingAsync(input, output, cancellationToken);
            }
            if (crc32 != entry.Crc32)
                throw new AdpPackageException($"{path} in the ADP download is damaged: its CRC-32 is {crc32:x8}, the zip says {entry.Crc32:x8}");
            if (File.Exists(target) && new FileInfo(target).Length == entry.Length && await Artifacts.ArtifactHasher.ComputeSha256Async(target, cancellationToken) == sha256)
                return new AdpFile(path, entry.Length, sha256, WasThere: true);
            File.Move(temporary, target, overwrite: true);
            return new AdpFile(path, entry.Length, sha256, WasThere: false);
        }
        catch (InvalidDataException corrupt)
        {
            throw new AdpPackageException($"{path} in the ADP download is damaged: {corrupt.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Copies the entry while computing its SHA-256 (for the hosts) and its CRC-32 (to check it against the zip).</summary>
    private static async Task<(string Sha256, uint Crc32)> CopyHashingAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var crc = new System.IO.Hashing.Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                crc.Append(buffer.AsSpan(0, read));
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), crc.GetCurrentHashAsUInt32());
    }
}
