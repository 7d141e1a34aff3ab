using System.Buffers.Binary;
using System.Text;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Reads Apple's binary property list format (<c>bplist00</c>).
/// </summary>
/// <remarks>
/// Layout (CoreFoundation <c>CFBinaryPList.c</c>): an 8-byte header, the objects, an offset table
/// (one big-endian offset per object) and a 32-byte trailer that gives the offset size, the object
/// reference size, the object count, the top object and where the offset table starts.
/// Every number read from the file is checked against the file's length before use; objects are
/// parsed once and shared (so a file reusing one object many times cannot explode), reference
/// cycles and nesting beyond <see cref="PlistReader.MaxDepth"/> are refused.
/// </remarks>
internal sealed class BinaryPlistReader
{
    private const int HeaderLength = 8;
    private const int TrailerLength = 32;

    /// <summary>Far more objects than any Info.plist holds; protects against absurd trailers.</summary>
    internal const int MaxObjects = 1_000_000;

    private readonly byte[] _data;
    private readonly string _source;
    private readonly int _offsetSize;
    private readonly int _refSize;
    private readonly int _objectCount;
    private readonly int _offsetTableStart;
    private readonly PlistValue?[] _parsed;
    private readonly bool[] _inProgress;

    /// <summary>Levels of containers below each parsed object, so a shared object cannot smuggle in depth.</summary>
    private readonly int[] _height;

    private BinaryPlistReader(byte[] data, string source, int offsetSize, int refSize, int objectCount, int offsetTableStart)
    {
        _data = data;
        _source = source;
        _offsetSize = offsetSize;
        _refSize = refSize;
        _objectCount = objectCount;
        _offsetTableStart = offsetTableStart;
        _parsed = new PlistValue?[objectCount];
        _inProgress = new bool[objectCount];
        _height = new int[objectCount];
    }

    internal static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith("bplist00"u8);

    internal static PlistValue Read(byte[] data, string source)
    {
        if (!HasSignature(data))
        {
            throw new ArtifactFormatException($"{source}: not a binary property list (no 'bplist00' header).");
        }

        if (data.Length < HeaderLength + 1 + TrailerLength)
        {
            throw new ArtifactFormatException($"{source}: binary property list is truncated ({data.Length} bytes).");
        }

        var trailer = data.AsSpan(data.Length - TrailerLength);
        int offsetSize = trailer[6];
        int refSize = trailer[7];
        var objectCount = BinaryPrimitives.ReadUInt64BigEndian(trailer[8..]);
        var topObject = BinaryPrimitives.ReadUInt64BigEndian(trailer[16..]);
        var offsetTableStart = BinaryPrimitives.ReadUInt64BigEndian(trailer[24..]);

        if (!IsValidSize(offsetSize) || !IsValidSize(refSize))
        {
            throw Bad(source, $"invalid trailer (offset size {offsetSize}, reference size {refSize}; each must be 1, 2, 4 or 8)");
        }

        if (objectCount == 0 || objectCount > MaxObjects)
        {
            throw Bad(source, $"invalid object count {objectCount} (must be 1 to {MaxObjects})");
        }

        if (topObject >= objectCount)
        {
            throw Bad(source, $"top object {topObject} is outside the {objectCount} objects");
        }

        var tableEnd = (ulong)(data.Length - TrailerLength);
        if (offsetTableStart < HeaderLength + 1 || offsetTableStart > tableEnd
            || objectCount * (ulong)offsetSize > tableEnd - offsetTableStart)
        {
            throw Bad(source, $"offset table at {offsetTableStart} for {objectCount} objects does not fit in the file");
        }

        var reader = new BinaryPlistReader(data, source, offsetSize, refSize, (int)objectCount, (int)offsetTableStart);
        return reader.ReadObject((int)topObject, depth: 0);
    }

    private static bool IsValidSize(int size) => size is 1 or 2 or 4 or 8;

    private static ArtifactFormatException Bad(string source, string what) =>
        new($"{source}: malformed binary property list: {what}.");

    private ArtifactFormatException Bad(string what) => Bad(_source, what);

    private PlistValue ReadObject(int index, int depth)
    {
        if (depth > PlistReader.MaxDepth)
        {
            throw Bad($"nesting deeper than {PlistReader.MaxDepth} levels");
        }

        if (_parsed[index] is { } done)
        {
            if (depth + _height[index] > PlistReader.MaxDepth)
            {
                throw Bad($"nesting deeper than {PlistReader.MaxDepth} levels");
            }

            return done;
        }

        if (_inProgress[index])
        {
            throw Bad($"object {index} contains itself (reference cycle)");
        }

        _inProgress[index] = true;
        var value = ParseObjectAt(ObjectOffset(index), depth, out var height);
        _height[index] = height;
        _inProgress[index] = false;
        _parsed[index] = value;
        return value;
    }

    private int ObjectOffset(int index)
    {
        var offset = ReadUnsigned(_offsetTableStart + (index * _offsetSize), _offsetSize);
        if (offset < HeaderLength || offset >= (ulong)_offsetTableStart)
        {
            throw Bad($"object {index} has offset {offset}, outside the object area");
        }

        return (int)offset;
    }

    private PlistValue ParseObjectAt(int offset, int depth, out int height)
    {
        height = 0;
        var marker = _data[offset];
        var kind = marker >> 4;
        var info = marker & 0x0F;
        var pos = offset + 1;

        switch (kind)
        {
            case 0x0:
                return info switch
                {
                    0x8 => PlistBoolean.False,
                    0x9 => PlistBoolean.True,
                    _ => throw Bad($"unsupported marker 0x{marker:X2} at offset {offset}"),
                };
            case 0x1:
                return ReadInteger(pos, info, offset);
            case 0x2:
                return ReadReal(pos, info, offset);
            case 0x3 when info == 0x3:
                var seconds = BitConverter.Int64BitsToDouble(unchecked((long)ReadUnsigned(Need(pos, 8, offset), 8)));
                return ToDate(seconds, offset);
            case 0x4:
            {
                var length = ReadCount(info, ref pos, offset);
                Need(pos, length, offset);
                return new PlistData(_data.AsMemory(pos, length));
            }

            case 0x5:
            {
                var length = ReadCount(info, ref pos, offset);
                Need(pos, length, offset);
                return new PlistString(Encoding.Latin1.GetString(_data, pos, length));
            }

            case 0x6:
            {
                var chars = ReadCount(info, ref pos, offset);
                Need(pos, (long)chars * 2, offset);
                return new PlistString(Encoding.BigEndianUnicode.GetString(_data, pos, chars * 2));
            }

            case 0x8:
                // A UID (NSKeyedArchiver only): 1 + info bytes, read as an unsigned integer.
                if (info > 7)
                {
                    throw Bad($"UID of {info + 1} bytes at offset {offset}");
                }

                return new PlistInteger((long)ReadUnsigned(Need(pos, info + 1, offset), info + 1));
            case 0xA:
            case 0xC:
            {
                var count = ReadCount(info, ref pos, offset);
                Need(pos, (long)count * _refSize, offset);
                var items = new PlistValue[count];
                for (var i = 0; i < count; i++)
                {
                    var child = ReadRef(pos + (i * _refSize));
                    items[i] = ReadObject(child, depth + 1);
                    height = Math.Max(height, _height[child] + 1);
                }

                return new PlistArray(items);
            }

            case 0xD:
            {
                var count = ReadCount(info, ref pos, offset);
                Need(pos, (long)count * _refSize * 2, offset);
                var dict = new PlistDict();
                var valuesStart = pos + (count * _refSize);
                for (var i = 0; i < count; i++)
                {
                    var key = ReadObject(ReadRef(pos + (i * _refSize)), depth + 1) as PlistString
                        ?? throw Bad($"dictionary at offset {offset} has a key that is not a string");
                    var child = ReadRef(valuesStart + (i * _refSize));
                    dict.Set(key.Value, ReadObject(child, depth + 1));
                    height = Math.Max(height, _height[child] + 1);
                }

                return dict;
            }

            default:
                throw Bad($"unsupported marker 0x{marker:X2} at offset {offset}");
        }
    }

    private PlistInteger ReadInteger(int pos, int info, int offset)
    {
        switch (info)
        {
            case 0:
            case 1:
            case 2:
                // 1, 2 and 4 byte integers are unsigned.
                var size = 1 << info;
                return new PlistInteger((long)ReadUnsigned(Need(pos, size, offset), size));
            case 3:
                return new PlistInteger(unchecked((long)ReadUnsigned(Need(pos, 8, offset), 8)));
            case 4:
            {
                // 16 bytes: written by CoreFoundation for values above long.MaxValue (unsigned 64-bit).
                var wide = BinaryPrimitives.ReadInt128BigEndian(_data.AsSpan(Need(pos, 16, offset), 16));
                if (wide >= long.MinValue && wide <= long.MaxValue)
                {
                    return new PlistInteger((long)wide);
                }

                if (wide > 0 && wide <= ulong.MaxValue)
                {
                    return new PlistInteger(unchecked((long)(ulong)wide), isUnsigned: true);
                }

                throw Bad($"integer at offset {offset} does not fit in 64 bits");
            }

            default:
                throw Bad($"integer of {1 << Math.Min(info, 30)} bytes at offset {offset}");
        }
    }

    private PlistReal ReadReal(int pos, int info, int offset)
    {
        return info switch
        {
            2 => new PlistReal(BitConverter.Int32BitsToSingle((int)ReadUnsigned(Need(pos, 4, offset), 4))),
            3 => new PlistReal(BitConverter.Int64BitsToDouble(unchecked((long)ReadUnsigned(Need(pos, 8, offset), 8)))),
            _ => throw Bad($"real of unsupported size (marker 0x2{info:X}) at offset {offset}"),
        };
    }

    private PlistDate ToDate(double seconds, int offset)
    {
        // DateTimeOffset covers years 1 to 9999: about ±2.5e11 seconds around 2001.
        const double limit = 2.5e11;
        if (double.IsNaN(seconds) || seconds < -limit || seconds > limit)
        {
            throw Bad($"date at offset {offset} is out of range");
        }

        try
        {
            return new PlistDate(PlistDate.ReferenceDate.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Bad($"date at offset {offset} is out of range");
        }
    }

    /// <summary>The length of a data/string/container: in the marker's low nibble, or a following integer object when 0xF.</summary>
    private int ReadCount(int info, ref int pos, int offset)
    {
        if (info != 0xF)
        {
            return info;
        }

        var marker = _data[Need(pos, 1, offset)];
        if (marker >> 4 != 0x1 || (marker & 0x0F) > 3)
        {
            throw Bad($"object at offset {offset} has an invalid length marker 0x{marker:X2}");
        }

        var size = 1 << (marker & 0x0F);
        var count = ReadUnsigned(Need(pos + 1, size, offset), size);
        pos += 1 + size;

        // Every element or byte needs at least one byte of file, so anything longer is a lie.
        if (count > (ulong)_offsetTableStart)
        {
            throw Bad($"object at offset {offset} claims {count} elements, more than the file holds");
        }

        return (int)count;
    }

    private int ReadRef(int pos)
    {
        var reference = ReadUnsigned(pos, _refSize);
        if (reference >= (ulong)_objectCount)
        {
            throw Bad($"object reference {reference} at offset {pos} is outside the {_objectCount} objects");
        }

        return (int)reference;
    }

    /// <summary>Checks that <paramref name="length"/> bytes from <paramref name="pos"/> lie before the offset table.</summary>
    private int Need(int pos, long length, int offset)
    {
        if (length < 0 || pos > _offsetTableStart || length > _offsetTableStart - pos)
        {
            throw Bad($"object at offset {offset} runs past the object area");
        }

        return pos;
    }

    private ulong ReadUnsigned(int pos, int size)
    {
        var span = _data.AsSpan(pos, size);
        return size switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(span),
            4 => BinaryPrimitives.ReadUInt32BigEndian(span),
            8 => BinaryPrimitives.ReadUInt64BigEndian(span),
            _ => ReadOddSize(span),
        };
    }

    private static ulong ReadOddSize(ReadOnlySpan<byte> span)
    {
        ulong value = 0;
        foreach (var b in span)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
