using System.Buffers.Binary;
using System.Text;

namespace CiPublisher.Tests.Artifacts;

/// <summary>
/// A tiny bplist00 writer for tests: objects are added one by one and refer to each other by
/// index, so tests can also write what no sane writer would (cycles, bad offsets, lies).
/// </summary>
internal sealed class BinaryPlistBuilder
{
    private readonly List<Func<int, byte[]>> _objects = [];

    public int RefSize { get; set; } = 2;

    public int OffsetSize { get; set; } = 4;

    public int Count => _objects.Count;

    public int Add(byte[] encoded) => AddLazy(_ => encoded);

    /// <summary>Adds an object whose bytes depend on the reference size, which is only final at build time.</summary>
    public int AddLazy(Func<int, byte[]> encode)
    {
        _objects.Add(encode);
        return _objects.Count - 1;
    }

    public int String(string value)
    {
        var ascii = value.All(c => c < 0x80);
        var body = ascii ? Encoding.ASCII.GetBytes(value) : Encoding.BigEndianUnicode.GetBytes(value);
        return Add([.. Marker(ascii ? 0x5 : 0x6, ascii ? body.Length : value.Length), .. body]);
    }

    public int Integer(long value)
    {
        var bytes = new byte[9];
        bytes[0] = 0x13;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), value);
        return Add(bytes);
    }

    public int UInt128(UInt128 value)
    {
        var bytes = new byte[17];
        bytes[0] = 0x14;
        BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(1), value);
        return Add(bytes);
    }

    public int Real(double value)
    {
        var bytes = new byte[9];
        bytes[0] = 0x23;
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(1), value);
        return Add(bytes);
    }

    public int Date(DateTimeOffset value)
    {
        var bytes = new byte[9];
        bytes[0] = 0x33;
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(1), (value - new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds);
        return Add(bytes);
    }

    public int Bool(bool value) => Add([value ? (byte)0x09 : (byte)0x08]);

    public int Data(byte[] value) => Add([.. Marker(0x4, value.Length), .. value]);

    public int Array(params int[] refs) => AddLazy(refSize => [.. Marker(0xA, refs.Length), .. Refs(refs, refSize)]);

    /// <summary>Reserves an index for an array filled in later (for cycles).</summary>
    public int ArrayPlaceholder(out Action<int[]> fill)
    {
        int[] refs = [];
        var index = AddLazy(refSize => [.. Marker(0xA, refs.Length), .. Refs(refs, refSize)]);
        fill = r => refs = r;
        return index;
    }

    public int Dict(IReadOnlyList<(int Key, int Value)> pairs) => AddLazy(refSize =>
        [.. Marker(0xD, pairs.Count), .. Refs(pairs.Select(p => p.Key), refSize), .. Refs(pairs.Select(p => p.Value), refSize)]);

    /// <summary>Writes a dictionary, array, string, long, double, bool, DateTimeOffset or byte[] tree.</summary>
    public int Value(object value) => value switch
    {
        IReadOnlyDictionary<string, object> d => Dict(d.Select(kv => (String(kv.Key), Value(kv.Value))).ToList()),
        IEnumerable<object> a => Array(a.Select(Value).ToArray()),
        string s => String(s),
        long l => Integer(l),
        int i => Integer(i),
        double r => Real(r),
        bool b => Bool(b),
        DateTimeOffset t => Date(t),
        byte[] bytes => Data(bytes),
        _ => throw new ArgumentException($"unsupported {value.GetType()}"),
    };

    public byte[] Build(int top, ulong? objectCountOverride = null, ulong? topOverride = null, ulong? offsetTableOverride = null)
    {
        var output = new List<byte>("bplist00"u8.ToArray());
        var offsets = new List<long>();
        foreach (var encode in _objects)
        {
            offsets.Add(output.Count);
            output.AddRange(encode(RefSize));
        }

        var tableStart = output.Count;
        foreach (var offset in offsets)
        {
            output.AddRange(BigEndian((ulong)offset, OffsetSize));
        }

        var trailer = new byte[32];
        trailer[6] = (byte)OffsetSize;
        trailer[7] = (byte)RefSize;
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(8), objectCountOverride ?? (ulong)_objects.Count);
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(16), topOverride ?? (ulong)top);
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(24), offsetTableOverride ?? (ulong)tableStart);
        output.AddRange(trailer);
        return [.. output];
    }

    private static byte[] Marker(int kind, int count)
    {
        if (count < 15)
        {
            return [(byte)((kind << 4) | count)];
        }

        var length = new byte[5];
        length[0] = 0x12;
        BinaryPrimitives.WriteInt32BigEndian(length.AsSpan(1), count);
        return [(byte)((kind << 4) | 0xF), .. length];
    }

    private static byte[] Refs(IEnumerable<int> refs, int size) => refs.SelectMany(r => BigEndian((ulong)r, size)).ToArray();

    private static byte[] BigEndian(ulong value, int size)
    {
        var bytes = new byte[size];
        for (var i = size - 1; i >= 0; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }

        return bytes;
    }
}
