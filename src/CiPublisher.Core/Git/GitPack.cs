using System.Buffers.Binary;
using System.IO.Compression;

namespace CiPublisher.Core.Git;

/// <summary>
/// One pack file and its version-2 index (git's pack-format documentation): objects found by SHA-1 through the index,
/// read at their offset, and delta objects (by offset or by base SHA-1) rebuilt from their base.
/// </summary>
internal sealed class GitPack(string packPath, byte[] index, Func<string, GitObject?> readElsewhere)
{
    private static readonly string[] Kinds = ["", "commit", "tree", "blob", "tag"];

    public static GitPack? Open(string idxPath, Func<string, GitObject?> readElsewhere)
    {
        var index = File.ReadAllBytes(idxPath);
        // Version 2 starts with "\377tOc" and 2; version 1 indexes predate 2009 and are not read.
        if (index.Length < 8 + 256 * 4 || index[0] != 0xFF || index[1] != (byte)'t' || BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(4)) != 2) return null;
        return new GitPack(Path.ChangeExtension(idxPath, ".pack"), index, readElsewhere);
    }

    private int Count => (int)BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + 255 * 4));

    public GitObject? Read(string sha)
    {
        var offset = OffsetOf(Convert.FromHexString(sha));
        if (offset is null) return null;
        using var pack = File.OpenRead(packPath);
        return ReadAt(pack, offset.Value);
    }

    private long? OffsetOf(byte[] sha)
    {
        var fanout = 8;
        var first = sha[0] == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(fanout + (sha[0] - 1) * 4));
        var last = (int)BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(fanout + sha[0] * 4));
        var names = fanout + 256 * 4;
        var (low, high) = (first, last - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var compared = index.AsSpan(names + middle * 20, 20).SequenceCompareTo(sha);
            if (compared == 0) return OffsetAt(middle);
            if (compared < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    private long OffsetAt(int position)
    {
        var offsets = 8 + 256 * 4 + Count * 20 + Count * 4;
        var small = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(offsets + position * 4));
        if ((small & 0x8000_0000) == 0) return small;
        var large = offsets + Count * 4 + (int)(small & 0x7FFF_FFFF) * 8;
        return (long)BinaryPrimitives.ReadUInt64BigEndian(index.AsSpan(large));
    }

    private GitObject ReadAt(FileStream pack, long offset)
    {
        pack.Position = offset;
        var header = pack.ReadByte();
        var type = (header >> 4) & 0x7;
        long size = header & 0x0F;
        for (var shift = 4; (header & 0x80) != 0; shift += 7)
        {
            header = pack.ReadByte();
            size |= (long)(header & 0x7F) << shift;
        }
        switch (type)
        {
            case >= 1 and <= 4:
                return new GitObject(Kinds[type], Inflate(pack, size));
            case 6:
            {
                var back = OffsetDeltaDistance(pack);
                var delta = Inflate(pack, size);
                var baseObject = ReadAt(pack, offset - back);
                return baseObject with { Content = GitDelta.Apply(baseObject.Content, delta) };
            }
            case 7:
            {
                var baseSha = new byte[20];
                pack.ReadExactly(baseSha);
                var delta = Inflate(pack, size);
                var baseObject = Read(Convert.ToHexStringLower(baseSha)) ?? readElsewhere(Convert.ToHexStringLower(baseSha))
                                 ?? throw new InvalidDataException($"the base of a delta in {Path.GetFileName(packPath)} is missing");
                return baseObject with { Content = GitDelta.Apply(baseObject.Content, delta) };
            }
            default:
                throw new InvalidDataException($"object type {type} at {offset} in {Path.GetFileName(packPath)}");
        }
    }

    private static long OffsetDeltaDistance(FileStream pack)
    {
        var b = pack.ReadByte();
        long distance = b & 0x7F;
        while ((b & 0x80) != 0)
        {
            b = pack.ReadByte();
            distance = ((distance + 1) << 7) | (long)(b & 0x7F);
        }
        return distance;
    }

    private static byte[] Inflate(Stream pack, long size)
    {
        var content = new byte[size];
        // The zlib stream may read past the object's end; only the object's own bytes are used.
        using var zlib = new ZLibStream(pack, CompressionMode.Decompress, leaveOpen: true);
        zlib.ReadExactly(content);
        return content;
    }
}
