using System.Buffers.Binary;
using System.Text;

namespace CiPublisher.Tests.Artifacts;

/// <summary>One attribute to write: a string, or a typed 32-bit value.</summary>
internal sealed record AxmlAttr(string? Namespace, string Name, uint ResourceId, byte Type, uint Data, string? Text)
{
    public const string Android = "http://schemas.android.com/apk/res/android";

    public static AxmlAttr Str(string? ns, string name, string value, uint resourceId = 0) => new(ns, name, resourceId, 0x03, 0, value);

    public static AxmlAttr Int(string? ns, string name, int value, uint resourceId = 0, bool hex = false) =>
        new(ns, name, resourceId, hex ? (byte)0x11 : (byte)0x10, unchecked((uint)value), null);

    public static AxmlAttr Ref(string? ns, string name, uint reference, uint resourceId = 0) => new(ns, name, resourceId, 0x01, reference, null);
}

/// <summary>
/// A small compiled-Android-XML writer for tests (chunk layout per AOSP ResourceTypes.h):
/// XML chunk, string pool (UTF-16 or UTF-8), resource map, namespace and element chunks.
/// </summary>
internal sealed class AxmlBuilder
{
    private readonly List<(bool Start, string Name, AxmlAttr[] Attributes)> _events = [];

    public bool Utf8 { get; init; }

    /// <summary>Writes empty names for attributes that have a resource id, as shrinkers do.</summary>
    public bool StripNames { get; init; }

    public AxmlBuilder Start(string name, params AxmlAttr[] attributes)
    {
        _events.Add((true, name, attributes));
        return this;
    }

    public AxmlBuilder End()
    {
        _events.Add((false, string.Empty, []));
        return this;
    }

    /// <summary>A manifest with package, versions and a uses-sdk element.</summary>
    public static AxmlBuilder Manifest(string package, int versionCode, string versionName, int minSdk, int targetSdk, bool utf8 = false, bool strip = false) =>
        new AxmlBuilder { Utf8 = utf8, StripNames = strip }
            .Start("manifest",
                AxmlAttr.Int(AxmlAttr.Android, "versionCode", versionCode, 0x0101021b),
                AxmlAttr.Str(AxmlAttr.Android, "versionName", versionName, 0x0101021c),
                AxmlAttr.Str(null, "package", package))
            .Start("uses-sdk",
                AxmlAttr.Int(AxmlAttr.Android, "minSdkVersion", minSdk, 0x0101020c),
                AxmlAttr.Int(AxmlAttr.Android, "targetSdkVersion", targetSdk, 0x01010270))
            .End()
            .Start("application", AxmlAttr.Ref(AxmlAttr.Android, "label", 0x7F0B0001, 0x01010001))
            .End()
            .End();

    public byte[] Build()
    {
        // Attribute names with resource ids come first so the resource map can index them.
        var withIds = _events.SelectMany(e => e.Attributes).Where(a => a.ResourceId != 0)
            .GroupBy(a => a.ResourceId).Select(g => g.First()).ToList();
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var idIndex = new Dictionary<uint, int>();
        foreach (var a in withIds)
        {
            idIndex[a.ResourceId] = strings.Count;
            strings.Add(StripNames ? string.Empty : a.Name);
        }

        int Intern(string s)
        {
            if (!index.TryGetValue(s, out var i))
            {
                i = strings.Count;
                strings.Add(s);
                index[s] = i;
            }

            return i;
        }

        int NameIndex(AxmlAttr a) => a.ResourceId != 0 ? idIndex[a.ResourceId] : Intern(a.Name);

        var body = new List<byte>();
        var nsIndex = Intern(AxmlAttr.Android);
        var prefixIndex = Intern("android");
        body.AddRange(Chunk(0x0100, 16, [.. U32(1), .. U32(0xFFFFFFFF), .. U32((uint)prefixIndex), .. U32((uint)nsIndex)]));
        foreach (var (start, name, attributes) in _events)
        {
            if (!start)
            {
                body.AddRange(Chunk(0x0103, 16, [.. U32(1), .. U32(0xFFFFFFFF), .. U32(0xFFFFFFFF), .. U32(0)]));
                continue;
            }

            var element = new List<byte>();
            element.AddRange(U32(1));
            element.AddRange(U32(0xFFFFFFFF));
            element.AddRange(U32(0xFFFFFFFF));
            element.AddRange(U32((uint)Intern(name)));
            element.AddRange(U16(20));
            element.AddRange(U16(20));
            element.AddRange(U16((ushort)attributes.Length));
            element.AddRange(U16(0));
            element.AddRange(U16(0));
            element.AddRange(U16(0));
            foreach (var a in attributes)
            {
                var ns = a.Namespace is null ? 0xFFFFFFFF : (uint)Intern(a.Namespace);
                var nameIdx = (uint)NameIndex(a);
                var raw = a.Text is null ? 0xFFFFFFFF : (uint)Intern(a.Text);
                element.AddRange(U32(ns));
                element.AddRange(U32(nameIdx));
                element.AddRange(U32(raw));
                element.AddRange(U16(8));
                element.Add(0);
                element.Add(a.Type);
                element.AddRange(U32(a.Text is null ? a.Data : raw));
            }

            body.AddRange(Chunk(0x0102, 16, [.. element]));
        }

        var pool = StringPool(strings);
        var map = Chunk(0x0180, 8, withIds.SelectMany(a => U32(a.ResourceId)).ToArray());
        return Chunk(0x0003, 8, [.. pool, .. map, .. body]);
    }

    private byte[] StringPool(List<string> strings)
    {
        var data = new List<byte>();
        var offsets = new List<byte>();
        foreach (var s in strings)
        {
            offsets.AddRange(U32((uint)data.Count));
            if (Utf8)
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                data.AddRange(Utf8Length(s.Length));
                data.AddRange(Utf8Length(bytes.Length));
                data.AddRange(bytes);
                data.Add(0);
            }
            else
            {
                if (s.Length > 0x7FFF)
                {
                    data.AddRange(U16((ushort)(0x8000 | (s.Length >> 16))));
                }

                data.AddRange(U16((ushort)s.Length));
                data.AddRange(Encoding.Unicode.GetBytes(s));
                data.AddRange(U16(0));
            }
        }

        while (data.Count % 4 != 0)
        {
            data.Add(0);
        }

        const int headerSize = 28;
        var stringsStart = headerSize + offsets.Count;
        byte[] header = [.. U32((uint)strings.Count), .. U32(0), .. U32(Utf8 ? 0x100u : 0u), .. U32((uint)stringsStart), .. U32(0)];
        return Chunk(0x0001, headerSize, [.. header, .. offsets, .. data]);
    }

    private static byte[] Utf8Length(int length) =>
        length > 0x7F ? [(byte)(0x80 | (length >> 8)), (byte)length] : [(byte)length];

    /// <summary>A chunk: type, header size, total size, then the rest of the header and the body.</summary>
    public static byte[] Chunk(ushort type, ushort headerSize, byte[] afterBasicHeader) =>
        [.. U16(type), .. U16(headerSize), .. U32((uint)(8 + afterBasicHeader.Length)), .. afterBasicHeader];

    public static byte[] U16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        return b;
    }

    public static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }
}
