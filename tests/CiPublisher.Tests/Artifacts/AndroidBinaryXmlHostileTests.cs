using System.Buffers.Binary;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public class AndroidBinaryXmlHostileTests
{
    private static byte[] Valid() => AxmlBuilder.Manifest("com.example", 3, "1.0", 21, 34).Build();

    private static void ShouldReject(byte[] data, string because)
    {
        var act = () => AndroidManifestReader.Read(data, "AndroidManifest.xml");
        act.Should().Throw<ArtifactFormatException>(because).WithMessage("AndroidManifest.xml*");
    }

    [Fact]
    public void Empty_IsRejected() => ShouldReject([], "there is no chunk");

    [Fact]
    public void Truncated_AtEveryLength_IsRejected()
    {
        var data = Valid();
        for (var length = 0; length < data.Length; length++)
        {
            ShouldReject(data[..length], $"{length} of {data.Length} bytes is a truncated manifest");
        }
    }

    [Fact]
    public void ZeroSizeChunk_IsRejectedNotLoopedOn()
    {
        var data = Valid();
        // The first inner chunk (the string pool) follows the 8-byte XML header: zero its size.
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8 + 4), 0);

        ShouldReject(data, "a chunk smaller than its header would never advance");
    }

    [Fact]
    public void ZeroSizeUnknownChunk_IsRejected()
    {
        byte[] data = [.. AxmlBuilder.Chunk(0x0003, 8, [.. AxmlBuilder.U16(0x0777), .. AxmlBuilder.U16(8), .. AxmlBuilder.U32(0)])];

        ShouldReject(data, "a zero-size chunk cannot be skipped");
    }

    [Fact]
    public void StringCountLargerThanTheFile_IsRejected()
    {
        var data = Valid();
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8 + 8), 0x7FFF_FFFF);

        ShouldReject(data, "the pool cannot hold two billion offsets");
    }

    [Fact]
    public void StringOffsetOutsideThePool_IsRejected()
    {
        var data = Valid();
        // First string offset, right after the 28-byte pool header.
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8 + 28), 0x00FF_FFFF);

        ShouldReject(data, "string 0 would start outside its pool");
    }

    [Fact]
    public void OuterChunkLargerThanTheFile_IsRejected()
    {
        var data = Valid();
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)data.Length + 1);

        ShouldReject(data, "the file is shorter than its XML chunk claims");
    }

    [Fact]
    public void NotAnXmlChunk_IsRejected()
    {
        var data = Valid();
        data[0] = 0x02;

        ShouldReject(data, "a resource table is not a manifest");
    }

    [Fact]
    public void AttributeCountBeyondTheChunk_IsRejected()
    {
        var data = new AxmlBuilder().Start("manifest", AxmlAttr.Str(null, "package", "p")).End().Build();
        // Find the start-element chunk (type 0x0102) and raise its attribute count.
        var at = FindChunk(data, 0x0102);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at + 16 + 12), 5000);

        ShouldReject(data, "5000 attributes do not fit in the element chunk");
    }

    [Fact]
    public void RootThatIsNotManifest_IsRejected() =>
        ShouldReject(new AxmlBuilder().Start("resources").End().Build(), "only a manifest has app metadata");

    [Fact]
    public void DeepNesting_IsRejected()
    {
        var builder = new AxmlBuilder().Start("manifest");
        for (var i = 0; i < AndroidBinaryXml.MaxDepth + 16; i++)
        {
            builder.Start("x");
        }

        ShouldReject(builder.Build(), "element nesting is capped");
    }

    private static int FindChunk(byte[] data, ushort type)
    {
        var pos = 8;
        while (pos < data.Length)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos)) == type)
            {
                return pos;
            }

            pos += (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos + 4));
        }

        throw new InvalidOperationException("chunk not found");
    }
}
