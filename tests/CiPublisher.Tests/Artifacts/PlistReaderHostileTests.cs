using System.Text;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public class PlistReaderHostileTests
{
    private static byte[] Valid(out BinaryPlistBuilder builder, out int top)
    {
        builder = new BinaryPlistBuilder();
        top = builder.Value(new Dictionary<string, object> { ["CFBundleIdentifier"] = "com.example.a", ["n"] = 3L });
        return builder.Build(top);
    }

    private static void ShouldReject(byte[] data, string because)
    {
        var act = () => PlistReader.Read(data, "hostile.plist");
        act.Should().Throw<ArtifactFormatException>(because).WithMessage("hostile.plist*");
    }

    [Fact]
    public void Empty_IsRejected() => ShouldReject([], "there is nothing to read");

    [Fact]
    public void Truncated_AtEveryLength_IsRejected()
    {
        var data = Valid(out _, out _);
        for (var length = 0; length < data.Length; length++)
        {
            ShouldReject(data[..length], $"{length} of {data.Length} bytes are not a whole plist");
        }
    }

    [Fact]
    public void ReferenceCycle_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var a = builder.ArrayPlaceholder(out var fillA);
        var b = builder.Array(a);
        fillA([builder.String("x"), b]);

        ShouldReject(builder.Build(a), "a contains b which contains a");
    }

    [Fact]
    public void SelfReferencingDictionary_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var key = builder.String("self");
        var dict = builder.Count + 0;
        builder.Dict([(key, dict)]);

        ShouldReject(builder.Build(dict), "the dictionary is its own value");
    }

    [Fact]
    public void NestingBeyondTheCap_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var current = builder.String("deep");
        for (var i = 0; i < PlistReader.MaxDepth + 16; i++)
        {
            current = builder.Array(current);
        }

        ShouldReject(builder.Build(current), "nesting is capped");
    }

    [Fact]
    public void NestingAtTheCap_IsAccepted()
    {
        var builder = new BinaryPlistBuilder();
        var current = builder.String("deep");
        for (var i = 0; i < PlistReader.MaxDepth; i++)
        {
            current = builder.Array(current);
        }

        PlistReader.Read(builder.Build(current), "deep").Should().BeOfType<PlistArray>();
    }

    [Fact]
    public void SharedSubtreeCannotSmuggleDepthPastTheCap()
    {
        // A deep chain parsed first (shallow), then referenced again from deep down.
        var builder = new BinaryPlistBuilder();
        var chain = builder.String("leaf");
        for (var i = 0; i < PlistReader.MaxDepth - 2; i++)
        {
            chain = builder.Array(chain);
        }

        var deep = chain;
        for (var i = 0; i < 20; i++)
        {
            deep = builder.Array(deep);
        }

        ShouldReject(builder.Build(builder.Array(chain, deep)), "the shared chain sits 20 levels deeper the second time");
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 40)]
    [InlineData(0UL)]
    public void AbsurdObjectCount_IsRejected(ulong count)
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.String("x");

        ShouldReject(builder.Build(top, objectCountOverride: count), "the trailer lies about the object count");
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(4UL)]
    [InlineData(100_000UL)]
    public void AbsurdOffsetTable_IsRejected(ulong offset)
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.String("x");

        ShouldReject(builder.Build(top, offsetTableOverride: offset), "the offset table is outside the file");
    }

    [Fact]
    public void TopObjectOutsideTheObjects_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.String("x");

        ShouldReject(builder.Build(top, topOverride: 5), "there is no object 5");
    }

    [Fact]
    public void ReferenceOutsideTheObjects_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Array(builder.String("x"), 999);

        ShouldReject(builder.Build(top), "object 999 does not exist");
    }

    [Fact]
    public void ObjectOffsetIntoTheTrailer_IsRejected()
    {
        var data = Valid(out _, out _);
        // The offset table (4-byte offsets) sits just before the 32-byte trailer; point the first entry past it.
        var tableStart = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(data.Length - 8));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(tableStart), (uint)(data.Length - 4));

        ShouldReject(data, "objects must lie between the header and the offset table");
    }

    [Fact]
    public void HugeDeclaredStringLength_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Add([0x5F, 0x13, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'a']);

        ShouldReject(builder.Build(top), "the string claims more bytes than the file holds");
    }

    [Fact]
    public void HugeDeclaredArrayCount_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Add([0xAF, 0x12, 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x00]);

        ShouldReject(builder.Build(top), "the array claims two billion references");
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x15, 1 })]
    [InlineData(new byte[] { 0x27, 1 })]
    [InlineData(new byte[] { 0x70 })]
    [InlineData(new byte[] { 0x33, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x14, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void UnknownOrOutOfRangeObjects_AreRejected(byte[] encoded)
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Add(encoded);

        ShouldReject(builder.Build(top), "the object is not a valid plist value");
    }

    [Fact]
    public void NonStringDictionaryKey_IsRejected()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Dict([(builder.Integer(1), builder.String("v"))]);

        ShouldReject(builder.Build(top), "plist keys are strings");
    }

    [Theory]
    [InlineData("<plist><dict><key>a</key></dict></plist>")]
    [InlineData("<plist><dict><string>a</string></dict></plist>")]
    [InlineData("<plist><integer>12x</integer></plist>")]
    [InlineData("<plist><real>fast</real></plist>")]
    [InlineData("<plist><date>yesterday</date></plist>")]
    [InlineData("<plist><data>!!!</data></plist>")]
    [InlineData("<plist><foo/></plist>")]
    [InlineData("<plist></plist>")]
    [InlineData("<plist/>")]
    [InlineData("<notplist/>")]
    [InlineData("<plist><dict><key>a</key><string>b</string>")]
    [InlineData("{ a = b; }")]
    [InlineData("<plist><integer>99999999999999999999999</integer></plist>")]
    public void MalformedXml_IsRejected(string xml) => ShouldReject(Encoding.UTF8.GetBytes(xml), xml);

    [Fact]
    public void XmlNestingBeyondTheCap_IsRejected()
    {
        var depth = PlistReader.MaxDepth + 16;
        var xml = "<plist>" + string.Concat(Enumerable.Repeat("<array>", depth)) + string.Concat(Enumerable.Repeat("</array>", depth)) + "</plist>";

        ShouldReject(Encoding.UTF8.GetBytes(xml), "nesting is capped");
    }

    [Fact]
    public void XmlEntityExpansion_IsNotPerformed()
    {
        const string xml = """
            <!DOCTYPE plist [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
            <plist><string>&b;&b;&b;</string></plist>
            """;

        ShouldReject(Encoding.UTF8.GetBytes(xml), "DTD entities are ignored, so the reference is undeclared");
    }
}
