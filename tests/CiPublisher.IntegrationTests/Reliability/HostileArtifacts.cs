using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CiPublisher.Emulators.Samples;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>Artifacts built to hurt an inspector: bombs, lies about sizes, cycles, truncations.</summary>
public static class HostileArtifacts
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] IpaWithInfoPlist(byte[] plist) => Zip(("Payload/Lumen.app/Info.plist", plist), ("Payload/Lumen.app/Lumen", [1, 2, 3]));

    /// <summary>One entry that inflates to <paramref name="inflatedBytes"/> zero bytes from a few hundred KiB.</summary>
    public static byte[] ZipBomb(string entryName, long inflatedBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length) stream.Write(zeros);
        }
        return buffer.ToArray();
    }

    /// <summary>A valid IPA whose Info.plist entry claims, in both headers, to inflate to almost 4 GiB.</summary>
    public static byte[] IpaWithAbsurdEntrySize()
    {
        var zip = IpaWithInfoPlist(Encoding.UTF8.GetBytes("<plist><dict/></plist>"));
        Patch(zip, 0x04034b50, sizeOffset: 22);
        Patch(zip, 0x02014b50, sizeOffset: 24);
        return zip;

        static void Patch(byte[] zip, uint signature, int sizeOffset)
        {
            for (var i = 0; i + 4 <= zip.Length; i++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != signature) continue;
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + sizeOffset), 0xFFFF_FFF0);
                return; // the first entry is Info.plist
            }
        }
    }

    /// <summary>A binary plist whose only object is an array containing itself.</summary>
    public static byte[] BinaryPlistCycle() => BinaryPlist(objectCount: 1);

    /// <summary>The same plist, its trailer claiming 2^40 objects.</summary>
    public static byte[] BinaryPlistHugeCount() => BinaryPlist(objectCount: 1UL << 40);

    private static byte[] BinaryPlist(ulong objectCount)
    {
        var data = new byte[8 + 2 + 1 + 32];
        Encoding.ASCII.GetBytes("bplist00").CopyTo(data, 0);
        data[8] = 0xA1; // an array of one...
        data[9] = 0x00; // ...whose element is object 0, itself
        data[10] = 8; // offset table: object 0 at byte 8
        var trailer = data.AsSpan(11);
        trailer[6] = 1; // offset size
        trailer[7] = 1; // reference size
        BinaryPrimitives.WriteUInt64BigEndian(trailer[8..], objectCount);
        BinaryPrimitives.WriteUInt64BigEndian(trailer[16..], 0); // top object
        BinaryPrimitives.WriteUInt64BigEndian(trailer[24..], 10); // offset table offset
        return data;
    }

    /// <summary>The "billion laughs": nested entities that expand to gigabytes if a parser resolves them.</summary>
    public static byte[] XmlPlistWithEntityExpansion()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE plist [\n<!ENTITY a0 \"lollollollollollollollollollol\">\n");
        for (var i = 1; i <= 9; i++) dtd.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">\n");
        dtd.Append("]>\n<plist version=\"1.0\"><dict><key>CFBundleIdentifier</key><string>&a9;</string></dict></plist>\n");
        return Encoding.UTF8.GetBytes(dtd.ToString());
    }

    public static byte[] ApkWithManifest(byte[] manifest) => Zip(("AndroidManifest.xml", manifest), ("classes.dex", [1, 2, 3]));

    public static byte[] TruncatedBinaryXml()
    {
        var manifest = AxmlBuilder.Manifest("com.example.lumen", 418, "2.4.1", 24, 34).Build();
        return manifest[..(manifest.Length / 2)];
    }
}
