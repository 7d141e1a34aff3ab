using CiPublisher.Emulators.Samples;
using System.Buffers.Binary;
using System.Text;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public sealed class ArtifactInspectorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] InfoPlist(Dictionary<string, object> values)
    {
        var builder = new BinaryPlistBuilder();
        return builder.Build(builder.Value(values));
    }

    private static Dictionary<string, object> LumenValues() => new()
    {
        ["CFBundleIdentifier"] = "com.example.lumen",
        ["CFBundleDisplayName"] = "Lumen ✨",
        ["CFBundleName"] = "LumenName",
        ["CFBundleShortVersionString"] = "2.4.1",
        ["CFBundleVersion"] = "418",
        ["MinimumOSVersion"] = "15.0",
    };

    [SharedFixtureFact]
    public void RealIpa_GivesItsBundleMetadata()
    {
        var info = ArtifactInspector.Inspect(SharedFixtures.Path("ipa", "Lumen-2.4.1-418.ipa"));

        info.Platform.Should().Be(ArtifactPlatform.Ios);
        info.Extension.Should().Be(".ipa");
        info.FileName.Should().Be("Lumen-2.4.1-418.ipa");
        info.Identifier.Should().Be("com.example.lumen.beta");
        info.Version.Should().Be("2.4.1");
        info.Build.Should().Be("418");
        info.MinimumOsVersion.Should().Be("15.0");
        info.DisplayName.Should().Be("Lumen Beta ✨ Ünïcödé");
        info.SizeBytes.Should().Be(new FileInfo(SharedFixtures.Path("ipa", "Lumen-2.4.1-418.ipa")).Length);
        info.Sha256.Should().BeNull();
    }

    [SharedFixtureTheory]
    [MemberData(nameof(AndroidManifestReaderTests.RealApks), MemberType = typeof(AndroidManifestReaderTests))]
    public void RealApk_MatchesAaptBadging(string name)
    {
        var badging = Badging.Parse(File.ReadAllText(SharedFixtures.Path("apk", name + ".badging.txt")));

        var info = ArtifactInspector.Inspect(SharedFixtures.Path("apk", name + ".apk"));

        info.Platform.Should().Be(ArtifactPlatform.Android);
        info.Identifier.Should().Be(badging.Package);
        info.Build.Should().Be(badging.VersionCode);
        info.Version.Should().Be(badging.VersionName);
        info.MinimumOsVersion.Should().Be(badging.SdkVersion);
        info.MinSdk.Should().Be(int.Parse(badging.SdkVersion, System.Globalization.CultureInfo.InvariantCulture));
        info.TargetSdk.Should().Be(int.Parse(badging.TargetSdkVersion, System.Globalization.CultureInfo.InvariantCulture));
        info.DisplayName.Should().BeNull("the label is a resource reference");
    }

    [Fact]
    public void GeneratedIpa_BinaryInfoPlist()
    {
        var path = _temp.Zip("Lumen.IPA",
            ("Payload/Lumen.app/Frameworks/Kit.framework/Info.plist", InfoPlist(new() { ["CFBundleIdentifier"] = "wrong.framework" })),
            ("Payload/Lumen.app/Info.plist", InfoPlist(LumenValues())),
            ("Payload/Lumen.app/PlugIns/Share.appex/Info.plist", InfoPlist(new() { ["CFBundleIdentifier"] = "wrong.extension" })));

        var info = ArtifactInspector.Inspect(path);

        info.Should().BeEquivalentTo(new ArtifactInfo
        {
            Path = path,
            FileName = "Lumen.IPA",
            Extension = ".ipa",
            Platform = ArtifactPlatform.Ios,
            SizeBytes = new FileInfo(path).Length,
            Identifier = "com.example.lumen",
            DisplayName = "Lumen ✨",
            Version = "2.4.1",
            Build = "418",
            MinimumOsVersion = "15.0",
        });
    }

    [Fact]
    public void GeneratedIpa_XmlInfoPlist_FallsBackToBundleName()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0"><dict>
              <key>CFBundleIdentifier</key><string>com.example.x</string>
              <key>CFBundleName</key><string>X App</string>
              <key>CFBundleShortVersionString</key><string>1.0</string>
              <key>CFBundleVersion</key><string>7</string>
            </dict></plist>
            """;
        var path = _temp.Zip("x.ipa", ("Payload/X.app/Info.plist", Encoding.UTF8.GetBytes(xml)));

        var info = ArtifactInspector.Inspect(path);

        info.DisplayName.Should().Be("X App");
        info.Build.Should().Be("7");
        info.MinimumOsVersion.Should().BeNull();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void GeneratedApk(bool utf8, bool stripNames)
    {
        var manifest = AxmlBuilder.Manifest("com.example.lumen", 1042, "2.4.1", 24, 35, utf8, stripNames).Build();
        var path = _temp.Zip("app-release.apk", ("classes.dex", [0, 1, 2]), ("AndroidManifest.xml", manifest));

        var info = ArtifactInspector.Inspect(path);

        info.Platform.Should().Be(ArtifactPlatform.Android);
        info.Extension.Should().Be(".apk");
        info.Identifier.Should().Be("com.example.lumen");
        info.Build.Should().Be("1042");
        info.Version.Should().Be("2.4.1");
        info.MinimumOsVersion.Should().Be("24");
        info.MinSdk.Should().Be(24);
        info.TargetSdk.Should().Be(35);
        info.DisplayName.Should().BeNull();
        info.Architecture.Should().BeNull("it carries no native code");
    }

    [Fact]
    public void AbiSplitApk_NamesItsAbi_FromTheArchiveListingAlone()
    {
        var manifest = AxmlBuilder.Manifest("com.example.lumen", 1042, "2.4.1", 24, 35).Build();
        var split = _temp.Zip("app-arm64-v8a-release.apk", ("AndroidManifest.xml", manifest), ("lib/arm64-v8a/libapp.so", [1, 2]));
        var universal = _temp.Zip("app-release.apk", ("AndroidManifest.xml", manifest), ("lib/arm64-v8a/libapp.so", [1]), ("lib/x86_64/libapp.so", [2]));

        ArtifactInspector.Inspect(split).Architecture.Should().Be("arm64-v8a");
        ArtifactInspector.Inspect(universal).Architecture.Should().BeNull();
    }

    [Theory]
    [InlineData("Lumen-2.4.1-arm64.dmg", "arm64")]
    [InlineData("Lumen-2.4.1.zip", null)]
    [InlineData("app.aab", null)]
    public void DesktopArchitecture_ComesFromTheFileName(string name, string? expected) =>
        ArtifactInspector.Inspect(_temp.File(name, [1, 2, 3])).Architecture.Should().Be(expected);

    [Theory]
    [InlineData("app.aab", ".aab", ArtifactPlatform.Android)]
    [InlineData("App.DMG", ".dmg", ArtifactPlatform.MacOs)]
    [InlineData("a.pkg", ".pkg", ArtifactPlatform.MacOs)]
    [InlineData("setup.exe", ".exe", ArtifactPlatform.Windows)]
    [InlineData("setup.MSI", ".msi", ArtifactPlatform.Windows)]
    [InlineData("tool-x86_64.AppImage", ".appimage", ArtifactPlatform.Linux)]
    [InlineData("tool_1.0_amd64.deb", ".deb", ArtifactPlatform.Linux)]
    [InlineData("tool-1.0.rpm", ".rpm", ArtifactPlatform.Linux)]
    [InlineData("tool-1.0.TAR.GZ", ".tar.gz", ArtifactPlatform.Linux)]
    [InlineData("Lumen.app.zip", ".zip", ArtifactPlatform.MacOs)]
    public void OtherFormats_ByExtension(string name, string extension, ArtifactPlatform platform)
    {
        var path = _temp.File(name, [1, 2, 3, 4, 5]);

        var info = ArtifactInspector.Inspect(path);

        info.Extension.Should().Be(extension);
        info.Platform.Should().Be(platform);
        info.SizeBytes.Should().Be(5);
        info.FileName.Should().Be(name);
        info.Path.Should().Be(path);
        info.Identifier.Should().BeNull();
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("archive.gz")]
    [InlineData(".ipa")]
    public void UnsupportedExtension_IsRejectedNamingTheFile(string name)
    {
        var path = _temp.File(name);

        var act = () => ArtifactInspector.Inspect(path);

        act.Should().Throw<ArtifactFormatException>().WithMessage($"*{name}*unsupported extension*.ipa*");
    }

    [Theory]
    [InlineData("a.ipa")]
    [InlineData("a.apk")]
    public void NotAZip_IsRejected(string name)
    {
        var path = _temp.File(name, Encoding.ASCII.GetBytes("this is not a zip archive at all, just text"));

        Rejects(path, $"{name} is not a valid zip archive*");
    }

    [Fact]
    public void EmptyFile_IsRejected() => Rejects(_temp.File("empty.ipa", []), "empty.ipa is empty*");

    [Fact]
    public void Directory_IsRejected()
    {
        var dir = Path.Combine(_temp.Path, "Folder.ipa");
        Directory.CreateDirectory(dir);

        Rejects(dir, "Folder.ipa is a directory*");
    }

    [Fact]
    public void MissingFile_IsFileNotFound()
    {
        var act = () => ArtifactInspector.Inspect(Path.Combine(_temp.Path, "gone.ipa"));

        act.Should().Throw<FileNotFoundException>().WithMessage("*gone.ipa*");
    }

    [Fact]
    public void IpaWithoutAppInfoPlist_IsRejected()
    {
        var path = _temp.Zip("a.ipa",
            ("Payload/Info.plist", InfoPlist(LumenValues())),
            ("Payload/A.app/Sub/Info.plist", InfoPlist(LumenValues())),
            ("Info.plist", InfoPlist(LumenValues())));

        Rejects(path, "a.ipa: no Payload/<Name>.app/Info.plist*");
    }

    [Fact]
    public void ApkWithoutManifest_IsRejected() =>
        Rejects(_temp.Zip("a.apk", ("res/AndroidManifest.xml", [1, 2, 3])), "a.apk: no AndroidManifest.xml*");

    [Fact]
    public void IpaWithCorruptInfoPlist_NamesTheArchiveAndTheEntry() =>
        Rejects(_temp.Zip("a.ipa", ("Payload/A.app/Info.plist", "bplist00garbage"u8.ToArray())), "a.ipa: Payload/A.app/Info.plist*");

    [Fact]
    public void InfoPlistThatIsNotADictionary_IsRejected() =>
        Rejects(_temp.Zip("a.ipa", ("Payload/A.app/Info.plist", "<plist><string>x</string></plist>"u8.ToArray())), "*not a dictionary*");

    [Fact]
    public void EntryDeclaringAHugeSize_IsRefusedBeforeReading()
    {
        var path = _temp.Zip("bomb.ipa", ("Payload/A.app/Info.plist", InfoPlist(LumenValues())));
        PatchDeclaredSize(path, 0xFFFF_FFF0);

        Rejects(path, "bomb.ipa: Payload/A.app/Info.plist declares * bytes*");
    }

    [Fact]
    public void EntryInflatingPastTheCap_IsStoppedWhateverItDeclares()
    {
        // 64 MiB of zeros deflate to a few KiB; the entry then claims to be 100 bytes.
        var path = _temp.Zip("bomb.apk", ("AndroidManifest.xml", new byte[64 * 1024 * 1024]));
        PatchDeclaredSize(path, 100);

        Rejects(path, "bomb.apk*");
    }

    [Fact]
    public void Inspect_DoesNotDecompressOtherEntries()
    {
        // A large blob of random bytes: only the manifest entry may be inflated.
        var blob = new byte[8 * 1024 * 1024];
        new Random(7).NextBytes(blob);
        var manifest = AxmlBuilder.Manifest("com.example", 1, "1", 21, 34).Build();
        var path = _temp.Zip("big.apk", ("assets/blob.bin", blob), ("AndroidManifest.xml", manifest));

        // Corrupt the middle of the blob on disk: inflating it would fail; inspection must not care.
        using (var writer = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            writer.Position = 4 * 1024 * 1024;
            writer.Write(new byte[1024]);
        }

        ArtifactInspector.Inspect(path).Identifier.Should().Be("com.example");
    }

    private static void Rejects(string path, string message)
    {
        var act = () => ArtifactInspector.Inspect(path);
        act.Should().Throw<ArtifactFormatException>().WithMessage(message);
    }

    /// <summary>Rewrites the uncompressed size of the zip's single entry in its local and central headers.</summary>
    private static void PatchDeclaredSize(string zipPath, uint size)
    {
        var bytes = File.ReadAllBytes(zipPath);
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            }
        }

        File.WriteAllBytes(zipPath, bytes);
    }
}
