using System.Buffers.Binary;
using System.Text;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Reads compiled ("binary") Android XML, the form <c>AndroidManifest.xml</c> takes inside an APK.
/// </summary>
/// <remarks>
/// Format: AOSP <c>frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h</c>. A file is a
/// chain of chunks (type, header size, total size): an XML chunk holding a string pool (UTF-16 or
/// UTF-8), a resource map (resource id per attribute-name string), then namespace and element
/// chunks. Every size, offset and count is checked against its chunk before use; a chunk must be at
/// least its own header long, so the walk always advances and cannot loop.
/// </remarks>
public static class AndroidBinaryXml
{
    private const ushort ChunkStringPool = 0x0001;
    private const ushort ChunkXml = 0x0003;
    private const ushort ChunkStartElement = 0x0102;
    private const ushort ChunkEndElement = 0x0103;
    private const ushort ChunkResourceMap = 0x0180;
    private const int ChunkHeaderLength = 8;
    private const uint NoIndex = 0xFFFFFFFF;

    /// <summary>Deepest element nesting accepted; manifests nest a handful of levels.</summary>
    public const int MaxDepth = 256;

    /// <summary>Reads every start element, in document order.</summary>
    /// <param name="data">The whole compiled XML file.</param>
    /// <param name="source">What to call the input in error messages.</param>
    public static IReadOnlyList<AndroidXmlElement> ReadElements(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var span = data.AsSpan();
        if (span.Length < ChunkHeaderLength)
        {
            throw Bad(source, $"only {span.Length} bytes, too short for a chunk header");
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(span);
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        if (type != ChunkXml)
        {
            throw Bad(source, $"first chunk has type 0x{type:X4}, not an XML chunk (0x0003)");
        }

        if (headerSize < ChunkHeaderLength || size < headerSize)
        {
            throw Bad(source, $"XML chunk has header size {headerSize} and size {size}");
        }

        if (size > span.Length)
        {
            throw Bad(source, $"truncated: the XML chunk declares {size} bytes but the file has {span.Length}");
        }

        var end = (int)size;
        var pos = (int)headerSize;
        StringPool? strings = null;
        uint[] resourceIds = [];
        var elements = new List<AndroidXmlElement>();
        var depth = 0;

        while (pos < end)
        {
            if (end - pos < ChunkHeaderLength)
            {
                throw Bad(source, $"truncated chunk header at offset {pos}");
            }

            var chunkType = BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]);
            var chunkHeader = BinaryPrimitives.ReadUInt16LittleEndian(span[(pos + 2)..]);
            var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
            if (chunkHeader < ChunkHeaderLength || chunkSize < chunkHeader || chunkSize > (uint)(end - pos))
            {
                throw Bad(source, $"chunk 0x{chunkType:X4} at offset {pos} has header size {chunkHeader} and size {chunkSize}, which do not fit");
            }

            var chunk = span.Slice(pos, (int)chunkSize);
            switch (chunkType)
            {
                case ChunkStringPool:
                    // The first pool is the document's; a second one would be unusual and is ignored.
                    strings ??= StringPool.Parse(data, pos, chunkHeader, (int)chunkSize, source);
                    break;
                case ChunkResourceMap:
                    resourceIds = ReadResourceMap(chunk, chunkHeader);
                    break;
                case ChunkStartElement:
                    if (depth >= MaxDepth)
                    {
                        throw Bad(source, $"elements nested deeper than {MaxDepth} levels");
                    }

                    elements.Add(ReadStartElement(chunk, chunkHeader, pos, depth, strings, resourceIds, source));
                    depth++;
                    break;
                case ChunkEndElement:
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    // Namespaces, CDATA and unknown chunks carry nothing we need.
                    break;
            }

            pos += (int)chunkSize;
        }

        return elements;
    }

    internal static ArtifactFormatException Bad(string source, string what) =>
        new($"{source}: malformed binary XML: {what}.");

    private static uint[] ReadResourceMap(ReadOnlySpan<byte> chunk, int headerSize)
    {
        var count = (chunk.Length - headerSize) / 4;
        var ids = new uint[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(headerSize + (i * 4))..]);
        }

        return ids;
    }

    private static AndroidXmlElement ReadStartElement(
        ReadOnlySpan<byte> chunk, int headerSize, int chunkOffset, int depth, StringPool? strings, uint[] resourceIds, string source)
    {
        // ResXMLTree_attrExt: ns, name, attributeStart, attributeSize, attributeCount, idIndex, classIndex, styleIndex.
        const int extLength = 20;
        if (strings is null)
        {
            throw Bad(source, $"element at offset {chunkOffset} comes before any string pool");
        }

        if (chunk.Length - headerSize < extLength)
        {
            throw Bad(source, $"element at offset {chunkOffset} is truncated");
        }

        var ext = chunk[headerSize..];
        var ns = BinaryPrimitives.ReadUInt32LittleEndian(ext);
        var name = BinaryPrimitives.ReadUInt32LittleEndian(ext[4..]);
        int attributeStart = BinaryPrimitives.ReadUInt16LittleEndian(ext[8..]);
        int attributeSize = BinaryPrimitives.ReadUInt16LittleEndian(ext[10..]);
        int attributeCount = BinaryPrimitives.ReadUInt16LittleEndian(ext[12..]);

        if (attributeCount > 0
            && (attributeSize < extLength || (long)attributeStart + ((long)attributeCount * attributeSize) > ext.Length))
        {
            throw Bad(source, $"element at offset {chunkOffset} declares {attributeCount} attributes of {attributeSize} bytes that do not fit");
        }

        var attributes = new AndroidXmlAttr[attributeCount];
        for (var i = 0; i < attributeCount; i++)
        {
            // ResXMLTree_attribute: ns, name, rawValue, then Res_value (size u16, res0 u8, dataType u8, data u32).
            var a = ext[(attributeStart + (i * attributeSize))..];
            var attrNs = BinaryPrimitives.ReadUInt32LittleEndian(a);
            var attrName = BinaryPrimitives.ReadUInt32LittleEndian(a[4..]);
            var raw = BinaryPrimitives.ReadUInt32LittleEndian(a[8..]);
            var valueType = a[15];
            var valueData = BinaryPrimitives.ReadUInt32LittleEndian(a[16..]);

            var stringIndex = raw != NoIndex ? raw : valueType == AndroidXmlAttr.TypeString ? valueData : NoIndex;
            attributes[i] = new AndroidXmlAttr(
                strings.GetOrNull(attrNs),
                strings.GetOrNull(attrName) ?? string.Empty,
                attrName < (uint)resourceIds.Length ? resourceIds[attrName] : 0,
                valueType,
                valueData,
                strings.GetOrNull(stringIndex));
        }

        return new AndroidXmlElement(strings.GetOrNull(ns), strings.GetOrNull(name) ?? string.Empty, depth, attributes);
    }

    /// <summary>A string pool chunk, decoded lazily: only the strings asked for are read.</summary>
    private sealed class StringPool
    {
        private const uint Utf8Flag = 0x100;

        private readonly byte[] _data;
        private readonly int _chunkStart;
        private readonly int _chunkEnd;
        private readonly int _offsetsStart;
        private readonly int _stringsStart;
        private readonly bool _utf8;
        private readonly string?[] _cache;
        private readonly string _source;

        private StringPool(byte[] data, int chunkStart, int chunkEnd, int offsetsStart, int stringsStart, int count, bool utf8, string source)
        {
            _data = data;
            _chunkStart = chunkStart;
            _chunkEnd = chunkEnd;
            _offsetsStart = offsetsStart;
            _stringsStart = stringsStart;
            _utf8 = utf8;
            _cache = new string?[count];
            _source = source;
        }

        internal static StringPool Parse(byte[] data, int chunkStart, int headerSize, int chunkSize, string source)
        {
            // ResStringPool_header: chunk header, stringCount, styleCount, flags, stringsStart, stylesStart.
            const int poolHeaderLength = 28;
            if (headerSize < poolHeaderLength)
            {
                throw Bad(source, $"string pool header is {headerSize} bytes, expected at least {poolHeaderLength}");
            }

            var header = data.AsSpan(chunkStart, headerSize);
            var count = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
            var stringsStart = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);

            // Each string needs a 4-byte offset inside the chunk: this bounds the count by the file.
            if (count > (uint)(chunkSize - headerSize) / 4)
            {
                throw Bad(source, $"string pool claims {count} strings, more than its {chunkSize} bytes can hold");
            }

            if (count > 0 && (stringsStart < headerSize + (count * 4) || stringsStart >= (uint)chunkSize))
            {
                throw Bad(source, $"string pool data starts at {stringsStart}, outside its chunk");
            }

            return new StringPool(data, chunkStart, chunkStart + chunkSize, chunkStart + headerSize,
                chunkStart + (int)stringsStart, (int)count, (flags & Utf8Flag) != 0, source);
        }

        internal string? GetOrNull(uint index)
        {
            if (index == NoIndex)
            {
                return null;
            }

            if (index >= (uint)_cache.Length)
            {
                throw Bad(_source, $"string index {index} is outside the pool of {_cache.Length}");
            }

            return _cache[index] ??= Decode((int)index);
        }

        private string Decode(int index)
        {
            var relative = BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(_offsetsStart + (index * 4)));
            if (relative >= (uint)(_chunkEnd - _stringsStart))
            {
                throw Bad(_source, $"string {index} starts outside the string pool");
            }

            var pos = _stringsStart + (int)relative;
            if (_utf8)
            {
                // Two lengths, each 1 byte or 2 when the high bit is set: UTF-16 units, then UTF-8 bytes.
                ReadUtf8Length(ref pos, index);
                var byteCount = ReadUtf8Length(ref pos, index);
                Need(pos, byteCount, index);
                return Encoding.UTF8.GetString(_data, pos, byteCount);
            }

            // One length in UTF-16 units: 2 bytes, or 4 when the high bit is set.
            Need(pos, 2, index);
            int units = BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(pos));
            pos += 2;
            if ((units & 0x8000) != 0)
            {
                Need(pos, 2, index);
                units = ((units & 0x7FFF) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(pos));
                pos += 2;
            }

            Need(pos, (long)units * 2, index);
            return Encoding.Unicode.GetString(_data, pos, units * 2);
        }

        private int ReadUtf8Length(ref int pos, int index)
        {
            Need(pos, 1, index);
            int length = _data[pos++];
            if ((length & 0x80) != 0)
            {
                Need(pos, 1, index);
                length = ((length & 0x7F) << 8) | _data[pos++];
            }

            return length;
        }

        private void Need(int pos, long length, int index)
        {
            if (length > _chunkEnd - pos)
            {
                throw Bad(_source, $"string {index} runs past the end of the string pool");
            }
        }
    }
}
