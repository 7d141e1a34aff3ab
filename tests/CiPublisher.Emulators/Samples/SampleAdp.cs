using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CiPublisher.Emulators.Samples;

/// <summary>
/// An alternative distribution package as AltStore's download serves it: a zip with <c>manifest.json</c> (compact, with
/// the keys of Apple's documented example), <c>signature</c> and one encrypted-looking variant per device class under
/// <c>variant/</c>, and optionally deltas under <c>delta/</c>. The same arguments give the same bytes.
/// </summary>
public sealed record SampleAdp(byte[] Zip, byte[] Manifest, byte[] Signature, IReadOnlyDictionary<string, byte[]> Files)
{
    public static SampleAdp Build(string bundleId = "com.example.lumen", string version = "2.4.1", string build = "418",
        string appleItemId = "6741000000", string minimumIos = "17.4", int variants = 2, int deltas = 0, int variantBytes = 96 * 1024,
        bool wrappedInFolder = false, params (string Name, byte[] Content)[] extraEntries)
    {
        var seed = $"{bundleId}/{version}/{build}";
        var variantFiles = Enumerable.Range(0, variants).Select(i => ($"variant/{IdOf(seed, "variant", i)}.ipa", Bytes(seed, "variant", i, variantBytes + i * 1024))).ToList();
        var deltaFiles = Enumerable.Range(0, deltas).Select(i => ($"delta/{IdOf(seed, "delta", i)}.ipa", Bytes(seed, "delta", i, variantBytes / 4))).ToList();
        var manifest = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["manifestSchemaVersion"] = "1.0",
            ["distributionPackageRevision"] = 1,
            ["appleItemId"] = long.Parse(appleItemId, System.Globalization.CultureInfo.InvariantCulture),
            ["bundleId"] = bundleId,
            ["shortVersionString"] = version,
            ["bundleVersion"] = build,
            ["appleVersionId"] = 880_000_001,
            ["platforms"] = new[] { "ios" },
            ["minimumSystemVersions"] = new Dictionary<string, string> { ["ios"] = minimumIos },
            ["requiredDeviceCapabilities"] = new[] { "arm64" },
            ["hasMessagesExtension"] = false,
            ["isLaunchProhibited"] = false,
            ["variants"] = variantFiles.Select((f, i) => Entry(f, i == 0 ? "iphone" : "ipad")).ToList(),
            ["deltas"] = deltaFiles.Select(f => Entry(f, "iphone")).ToList(),
        }));
        var signature = Bytes(seed, "signature", 0, 1024);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["manifest.json"] = manifest, ["signature"] = signature };
        foreach (var (path, content) in variantFiles.Concat(deltaFiles)) files[path] = content;

        var prefix = wrappedInFolder ? $"{IdOf(seed, "package", 0)}/" : "";
        return new SampleAdp(ZipOf([.. files.Select(f => (prefix + f.Key, f.Value)), .. extraEntries]), manifest, signature, files);
    }

    public long FirstVariantSize => Files.First(f => f.Key.StartsWith("variant/", StringComparison.Ordinal)).Value.Length;

    private static Dictionary<string, object> Entry((string Path, byte[] Content) file, string device) => new()
    {
        ["publicId"] = Path.GetFileNameWithoutExtension(file.Path),
        ["assetPath"] = file.Path,
        ["installTargets"] = new[] { new Dictionary<string, string> { ["device"] = device, ["os"] = "ios" } },
        ["variantDetails"] = new Dictionary<string, object>
        {
            ["compressedSize"] = file.Content.Length,
            ["uncompressedSize"] = file.Content.Length * 2,
            ["hashes"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["algorithm"] = "sha256",
                    ["chunkSize"] = 1048576,
                    ["encryptedChunkDigests"] = new[] { Convert.ToBase64String(SHA256.HashData(file.Content)) },
                },
            },
        },
    };

    private static string IdOf(string seed, string kind, int index) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{kind}/{index}"))[..16]).ToString();

    /// <summary>Bytes that look like ciphertext and differ per file, so a mixed-up file is caught.</summary>
    private static byte[] Bytes(string seed, string kind, int index, int length)
    {
        var bytes = new byte[length];
        var block = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{kind}/{index}/bytes"));
        for (var i = 0; i < length; i++) bytes[i] = (byte)(block[i % block.Length] ^ (i * 31 >> 5));
        return bytes;
    }

    private static byte[] ZipOf(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2026, 5, 2, 9, 12, 44, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
