using System.Text;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public class PlistReaderTests
{
    private static readonly DateTimeOffset BuildDate = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [SharedFixtureFact]
    public void BinaryFixture_GivesTheValuesPlistutilWroteBack()
    {
        var expected = PlistCanon.OfXmlFile(SharedFixtures.Path("plist", "Info.binary.roundtrip.xml"));

        var value = PlistReader.Read(File.ReadAllBytes(SharedFixtures.Path("plist", "Info.binary.plist")), "Info.binary.plist");

        PlistCanon.Of(value).Should().Be(expected);
    }

    [SharedFixtureFact]
    public void XmlFixture_GivesTheSameValuesAsTheBinaryOne()
    {
        var expected = PlistCanon.OfXmlFile(SharedFixtures.Path("plist", "Info.binary.roundtrip.xml"));

        var value = PlistReader.Read(File.ReadAllBytes(SharedFixtures.Path("plist", "Info.xml.plist")), "Info.xml.plist");

        PlistCanon.Of(value).Should().Be(expected);
    }

    [SharedFixtureFact]
    public void RoundtripOracle_CoversTheTrickyTypes()
    {
        // Guards the two tests above against an oracle that lost the interesting values.
        var canon = PlistCanon.OfXmlFile(SharedFixtures.Path("plist", "Info.binary.roundtrip.xml"));

        canon.Should().Contain("/LargeCounter = integer:4294967301")
            .And.Contain("/NegativeNumber = integer:-42")
            .And.Contain("/EmptyString = string:\n")
            .And.Contain("/BuildDate = date:")
            .And.Contain("/Blob = data:DEADBEEF");
    }

    [Fact]
    public void Binary_GeneratedTree_ReadsEveryType()
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Value(SampleTree());

        var value = PlistReader.Read(builder.Build(top), "sample");

        PlistCanon.Of(value).Should().Be(PlistCanon.Of(PlistReader.Read(Encoding.UTF8.GetBytes(SampleXml), "sample.xml")));
        var dict = value.Should().BeOfType<PlistDict>().Subject;
        dict.GetString("Name").Should().Be("Lumen Beta ✨ Ünïcödé");
        dict["Big"].Should().BeOfType<PlistInteger>().Which.Value.Should().Be(4294967301L);
        dict["Negative"].Should().BeOfType<PlistInteger>().Which.Value.Should().Be(-42);
        dict["Ratio"].Should().BeOfType<PlistReal>().Which.Value.Should().Be(0.75);
        dict["When"].Should().BeOfType<PlistDate>().Which.Value.Should().Be(BuildDate);
        dict["Blob"].Should().BeOfType<PlistData>().Which.Value.ToArray().Should().Equal(0xDE, 0xAD, 0xBE, 0xEF);
        dict["Yes"].Should().BeSameAs(PlistBoolean.True);
        dict["No"].Should().BeSameAs(PlistBoolean.False);
        dict.GetString("Empty").Should().BeEmpty();
        dict["Nested"].Should().BeOfType<PlistDict>().Which["List"].Should().BeOfType<PlistArray>().Which.Items.Should().HaveCount(2);
    }

    [Fact]
    public void Binary_LongStringsAndContainersUseTheExtendedCountForm()
    {
        var builder = new BinaryPlistBuilder();
        var text = new string('x', 300);
        var items = Enumerable.Range(0, 20).Select(i => builder.Integer(i)).ToArray();
        var top = builder.Dict([(builder.String("text"), builder.String(text)), (builder.String("items"), builder.Array(items))]);

        var dict = (PlistDict)PlistReader.Read(builder.Build(top), "long");

        dict.GetString("text").Should().Be(text);
        ((PlistArray)dict["items"]).Items.Cast<PlistInteger>().Select(i => i.Value).Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(8, 8)]
    [InlineData(1, 8)]
    public void Binary_AcceptsEveryReferenceAndOffsetSize(int refSize, int offsetSize)
    {
        var builder = new BinaryPlistBuilder { RefSize = refSize, OffsetSize = offsetSize };
        var top = builder.Array(builder.String("a"), builder.Integer(7));

        var array = (PlistArray)PlistReader.Read(builder.Build(top), "sizes");

        array.Items.Select(i => i.ToString()).Should().Equal("a", "7");
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0xFF }, "255")]
    [InlineData(new byte[] { 0x11, 0xFF, 0xFE }, "65534")]
    [InlineData(new byte[] { 0x12, 0xFF, 0xFF, 0xFF, 0xFE }, "4294967294")]
    [InlineData(new byte[] { 0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }, "-2")]
    [InlineData(new byte[] { 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, "18446744073709551615")]
    [InlineData(new byte[] { 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 }, "5")]
    public void Binary_IntegersOfEverySize(byte[] encoded, string expected)
    {
        var builder = new BinaryPlistBuilder();
        var top = builder.Add(encoded);

        PlistReader.Read(builder.Build(top), "int").ToString().Should().Be(expected);
    }

    [Fact]
    public void Binary_SharedObjectsAreParsedOnce()
    {
        // 40 levels of arrays that each hold their child twice: 2^40 nodes if expanded naively.
        var builder = new BinaryPlistBuilder();
        var current = builder.String("leaf");
        for (var i = 0; i < 40; i++)
        {
            current = builder.Array(current, current);
        }

        var value = (PlistArray)PlistReader.Read(builder.Build(current), "shared");

        value.Items[0].Should().BeSameAs(value.Items[1]);
    }

    [Fact]
    public void Xml_ParsesDespiteItsDoctypeAndResolvesNothing()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://127.0.0.1:9/never-fetched.dtd" [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <plist version="1.0"><dict><key>a</key><string>b</string><key>c</key><string/></dict></plist>
            """;

        var dict = (PlistDict)PlistReader.Read(Encoding.UTF8.GetBytes(xml), "doctype.plist");

        dict.GetString("a").Should().Be("b");
        dict.GetString("c").Should().BeEmpty();
    }

    [Fact]
    public void Xml_ExternalEntityReference_IsRefusedNotExpanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE plist [ <!ENTITY xxe SYSTEM "file:///etc/hostname"> ]>
            <plist><dict><key>a</key><string>&xxe;</string></dict></plist>
            """;

        var act = () => PlistReader.Read(Encoding.UTF8.GetBytes(xml), "xxe.plist");

        act.Should().Throw<ArtifactFormatException>().WithMessage("xxe.plist*");
    }

    private const string SampleXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
          <key>Name</key><string>Lumen Beta ✨ Ünïcödé</string>
          <key>Big</key><integer>4294967301</integer>
          <key>Negative</key><integer>-42</integer>
          <key>Ratio</key><real>0.75</real>
          <key>When</key><date>2026-11-20T09:30:00Z</date>
          <key>Blob</key><data>
          3q2+7w==
          </data>
          <key>Yes</key><true/>
          <key>No</key><false/>
          <key>Empty</key><string></string>
          <key>Nested</key><dict><key>List</key><array><string>x</string><integer>1</integer></array></dict>
        </dict>
        </plist>
        """;

    private static Dictionary<string, object> SampleTree() => new()
    {
        ["Name"] = "Lumen Beta ✨ Ünïcödé",
        ["Big"] = 4294967301L,
        ["Negative"] = -42L,
        ["Ratio"] = 0.75,
        ["When"] = BuildDate,
        ["Blob"] = new byte[] { 0xDE, 0xAD, 0xBE, 0xEF },
        ["Yes"] = true,
        ["No"] = false,
        ["Empty"] = "",
        ["Nested"] = new Dictionary<string, object> { ["List"] = new List<object> { "x", 1L } },
    };
}
