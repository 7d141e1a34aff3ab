using System.IO.Compression;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Reads one small metadata entry out of a zip-based package (IPA, APK) without touching the rest:
/// only the central directory and that entry are read, and never more than
/// <see cref="MaxEntryBytes"/> of it, whatever the entry declares (zip-bomb safety).
/// </summary>
internal static class ZipEntryReader
{
    /// <summary>Real Info.plist and AndroidManifest.xml files are a few KiB to a few hundred KiB.</summary>
    internal const int MaxEntryBytes = 4 * 1024 * 1024;

    /// <param name="path">The package.</param>
    /// <param name="fileName">The package's file name, for messages.</param>
    /// <param name="pick">Chooses the entry among the normalized ('/'-separated) entry names, in archive order.</param>
    /// <param name="missing">What to say when no entry is picked.</param>
    /// <returns>The entry's normalized name and its bytes.</returns>
    internal static (string Name, byte[] Data) Read(string path, string fileName, Func<string, bool> pick, string missing)
    {
        var (name, data, _) = ReadWithEntryNames(path, fileName, pick, missing);
        return (name, data);
    }

    /// <summary><see cref="Read"/>, also giving every entry's normalized name (read from the central directory, not the entries).</summary>
    internal static (string Name, byte[] Data, IReadOnlyList<string> EntryNames) ReadWithEntryNames(
        string path, string fileName, Func<string, bool> pick, string missing)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                throw new ArtifactFormatException($"{fileName} is not a valid zip archive ({ex.Message}).", ex);
            }

            using (zip)
            {
                var entry = zip.Entries.FirstOrDefault(e => pick(Normalize(e.FullName)))
                    ?? throw new ArtifactFormatException($"{fileName}: {missing}");
                var name = Normalize(entry.FullName);
                if (entry.Length > MaxEntryBytes)
                {
                    throw new ArtifactFormatException(
                        $"{fileName}: {name} declares {entry.Length} bytes uncompressed, more than the {MaxEntryBytes / (1024 * 1024)} MiB allowed for metadata.");
                }

                return (name, ReadCapped(entry, fileName, name), zip.Entries.Select(e => Normalize(e.FullName)).ToList());
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new ArtifactFormatException($"{fileName}: corrupt zip data ({ex.Message}).", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new ArtifactFormatException($"{fileName}: unsupported zip entry ({ex.Message}).", ex);
        }
    }

    private static string Normalize(string entryName) => entryName.Replace('\\', '/');

    private static byte[] ReadCapped(ZipArchiveEntry entry, string fileName, string name)
    {
        using var stream = entry.Open();
        var buffer = new byte[(int)Math.Min(entry.Length, MaxEntryBytes) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > MaxEntryBytes)
                {
                    // Declared small, inflates past the cap: stop here rather than believe it.
                    throw new ArtifactFormatException(
                        $"{fileName}: {name} inflates to more than the {MaxEntryBytes / (1024 * 1024)} MiB allowed for metadata.");
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxEntryBytes + 1L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
        }
    }
}
