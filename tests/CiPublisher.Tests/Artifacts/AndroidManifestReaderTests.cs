using System.IO.Compression;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public class AndroidManifestReaderTests
{
    public static TheoryData<string> RealApks => ["io.appium.settings-2.16.2", "io.appium.settings-8.0.10"];

    [SharedFixtureTheory]
    [MemberData(nameof(RealApks))]
    public void RealManifest_MatchesAaptBadging(string name)
    {
        var badging = Badging.Parse(File.ReadAllText(SharedFixtures.Path("apk", name + ".badging.txt")));

        var info = AndroidManifestReader.Read(ExtractManifest(SharedFixtures.Path("apk", name + ".apk")), name);

        info.Package.Should().Be(badging.Package);
        info.VersionCode.Should().Be(long.Parse(badging.VersionCode, System.Globalization.CultureInfo.InvariantCulture));
        info.VersionName.Should().Be(badging.VersionName);
        info.MinSdkVersion.Should().Be(badging.SdkVersion);
        info.TargetSdkVersion.Should().Be(badging.TargetSdkVersion);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void GeneratedManifest_ReadsEveryField(bool utf8, bool stripNames)
    {
        var data = AxmlBuilder.Manifest("com.example.lumen", 418, "2.4.1-ü✨", 24, 35, utf8, stripNames).Build();

        var info = AndroidManifestReader.Read(data, "AndroidManifest.xml");

        info.Should().Be(new AndroidManifestInfo("com.example.lumen", 418, "2.4.1-ü✨", "24", "35"));
    }

    [Fact]
    public void LongStrings_UseTheTwoUnitLengthForms()
    {
        var name = new string('n', 40_000);
        var data = AxmlBuilder.Manifest("com.example", 1, name, 21, 34).Build();
        var utf8Name = new string('é', 300);
        var utf8Data = AxmlBuilder.Manifest("com.example", 1, utf8Name, 21, 34, utf8: true).Build();

        AndroidManifestReader.Read(data, "m").VersionName.Should().Be(name);
        AndroidManifestReader.Read(utf8Data, "m").VersionName.Should().Be(utf8Name);
    }

    [Fact]
    public void HexVersionCode_AndReferenceVersionName()
    {
        var data = new AxmlBuilder()
            .Start("manifest",
                AxmlAttr.Int(AxmlAttr.Android, "versionCode", 0x1F, 0x0101021b, hex: true),
                AxmlAttr.Ref(AxmlAttr.Android, "versionName", 0x7F0B0002, 0x0101021c),
                AxmlAttr.Str(null, "package", "p.q"))
            .End()
            .Build();

        var info = AndroidManifestReader.Read(data, "m");

        info.Should().Be(new AndroidManifestInfo("p.q", 31, null, null, null));
    }

    [Fact]
    public void Attributes_ExposeTheirTypedValues()
    {
        var data = AxmlBuilder.Manifest("com.example", 7, "1.0", 21, 34).Build();

        var elements = AndroidBinaryXml.ReadElements(data, "m");

        elements.Select(e => (e.Name, e.Depth)).Should().Equal(("manifest", 0), ("uses-sdk", 1), ("application", 1));
        var label = elements[2].Attributes.Single();
        label.Should().Be(new AndroidXmlAttr(AxmlAttr.Android, "label", 0x01010001, AndroidXmlAttr.TypeReference, 0x7F0B0001, null));
        label.Text.Should().Be("@0x7F0B0001");
    }

    internal static byte[] ExtractManifest(string apk)
    {
        using var zip = ZipFile.OpenRead(apk);
        using var stream = zip.GetEntry("AndroidManifest.xml")!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>The fields of <c>aapt dump badging</c> output an APK reader must reproduce.</summary>
internal sealed record Badging(string Package, string VersionCode, string VersionName, string SdkVersion, string TargetSdkVersion)
{
    public static Badging Parse(string text)
    {
        var lines = text.Split('\n');
        var package = lines.Single(l => l.StartsWith("package:", StringComparison.Ordinal));

        string Quoted(string line, string key)
        {
            var start = line.IndexOf(key + "='", StringComparison.Ordinal) + key.Length + 2;
            return line[start..line.IndexOf('\'', start)];
        }

        string Line(string prefix)
        {
            var line = lines.Single(l => l.StartsWith(prefix + ":'", StringComparison.Ordinal));
            return line[(prefix.Length + 2)..line.LastIndexOf('\'')];
        }

        return new Badging(Quoted(package, "name"), Quoted(package, "versionCode"), Quoted(package, "versionName"),
            Line("sdkVersion"), Line("targetSdkVersion"));
    }
}
