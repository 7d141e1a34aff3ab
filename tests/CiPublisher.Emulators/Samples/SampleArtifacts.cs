using System.IO.Compression;
using System.Security;
using System.Text;

namespace CiPublisher.Emulators.Samples;

/// <summary>
/// Small but well-formed build artifacts for tests and the sandbox demo: an IPA with an XML Info.plist,
/// an APK with a compiled AndroidManifest.xml, and padding so uploads have bytes worth streaming.
/// </summary>
public static class SampleArtifacts
{
    public static byte[] Ipa(string bundleId = "com.example.lumen", string version = "2.4.1", string build = "418",
        string displayName = "Lumen", string minimumOs = "15.0", int paddingBytes = 64 * 1024)
    {
        var plist = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
              <key>CFBundleIdentifier</key><string>{SecurityElement.Escape(bundleId)}</string>
              <key>CFBundleDisplayName</key><string>{SecurityElement.Escape(displayName)}</string>
              <key>CFBundleName</key><string>{SecurityElement.Escape(displayName)}</string>
              <key>CFBundleShortVersionString</key><string>{SecurityElement.Escape(version)}</string>
              <key>CFBundleVersion</key><string>{SecurityElement.Escape(build)}</string>
              <key>MinimumOSVersion</key><string>{SecurityElement.Escape(minimumOs)}</string>
            </dict>
            </plist>
            """;
        return Zip(("Payload/Lumen.app/Info.plist", Encoding.UTF8.GetBytes(plist)), ("Payload/Lumen.app/Lumen", Padding(paddingBytes, 1)));
    }

    public static byte[] Apk(string package = "com.example.lumen", int versionCode = 418, string versionName = "2.4.1",
        int minSdk = 24, int targetSdk = 34, int paddingBytes = 64 * 1024, params string[] abis)
    {
        var manifest = AxmlBuilder.Manifest(package, versionCode, versionName, minSdk, targetSdk).Build();
        // An ABI split carries native code under lib/<abi>/; each ABI's library has bytes of its own.
        var libraries = abis.Select((abi, i) => ($"lib/{abi}/libapp.so", Padding(4096, 100 + i)));
        return Zip([("AndroidManifest.xml", manifest), ("classes.dex", Padding(paddingBytes, 2)), .. libraries]);
    }

    /// <summary>A desktop installer: its content does not matter to a server, only its bytes and name (seed makes them differ).</summary>
    public static byte[] Desktop(int seed, int length = 96 * 1024) => Padding(length, seed);

    /// <summary>A zip (a zipped .app): servers check that a .zip starts with PK.</summary>
    public static byte[] DesktopZip(int seed) => Zip(("Lumen.app/Contents/MacOS/Lumen", Padding(32 * 1024, seed)));

    /// <summary>A zip of the entries, stored uncompressed, so each file's bytes stand in it as they are.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                // Stored, not deflated: the padding must stay as large as asked for.
                using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Padding(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
