using System.Diagnostics;
using System.Text;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

/// <summary>
/// Seeded random corruption of real and generated inputs: every parse must either succeed or throw
/// <see cref="ArtifactFormatException"/>. The seed is fixed, so a failure reproduces exactly.
/// </summary>
public class MutationTests
{
    private const int MutationsPerInput = 2500;

    public static TheoryData<string> GeneratedInputs => ["bplist-generated", "xmlplist-generated", "axml-utf16", "axml-utf8-stripped"];

    public static TheoryData<string> SharedInputs => ["bplist-shared", "xmlplist-shared", "axml-shared-2.16.2", "axml-shared-8.0.10"];

    [Theory]
    [MemberData(nameof(GeneratedInputs))]
    public Task GeneratedInput_RandomCorruption_OnlyEverThrowsArtifactFormatException(string input) => Run(input);

    [SharedFixtureTheory]
    [MemberData(nameof(SharedInputs))]
    public Task RealInput_RandomCorruption_OnlyEverThrowsArtifactFormatException(string input) => Run(input);

    private static async Task Run(string input)
    {
        var (data, parse) = Load(input);
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Run(() =>
        {
            var random = new Random(20261120 ^ input.Length);
            for (var i = 0; i < MutationsPerInput; i++)
            {
                var mutant = Mutate(data, random, out var description);
                try
                {
                    parse(mutant);
                }
                catch (ArtifactFormatException)
                {
                }
                catch (Exception ex)
                {
                    failures.Add($"#{i} {description}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        });

        // Hang detector only: far above the normal well-under-a-second run.
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        failures.Should().BeEmpty($"{input}: only ArtifactFormatException may escape (took {stopwatch.ElapsedMilliseconds} ms)");
    }

    private static (byte[] Data, Action<byte[]> Parse) Load(string input)
    {
        Action<byte[]> plist = d => PlistReader.Read(d, input);
        Action<byte[]> manifest = d => AndroidManifestReader.Read(d, input);
        switch (input)
        {
            case "bplist-generated":
                var builder = new BinaryPlistBuilder();
                var top = builder.Value(new Dictionary<string, object>
                {
                    ["CFBundleIdentifier"] = "com.example",
                    ["Name"] = "Ünïcödé ✨",
                    ["Big"] = 4294967301L,
                    ["Real"] = 0.5,
                    ["When"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    ["Blob"] = new byte[] { 1, 2, 3 },
                    ["List"] = new List<object> { true, false, new Dictionary<string, object> { ["k"] = "v" } },
                });
                return (builder.Build(top), plist);
            case "xmlplist-generated":
                return (Encoding.UTF8.GetBytes("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                    <plist version="1.0"><dict><key>a</key><integer>-42</integer><key>b</key><real>0.75</real>
                    <key>c</key><date>2026-11-20T09:30:00Z</date><key>d</key><data>3q2+7w==</data>
                    <key>e</key><array><true/><false/><string>ü</string></array></dict></plist>
                    """), plist);
            case "axml-utf16":
                return (AxmlBuilder.Manifest("com.example", 12, "1.2", 21, 34).Build(), manifest);
            case "axml-utf8-stripped":
                return (AxmlBuilder.Manifest("com.example", 12, "1.2", 21, 34, utf8: true, strip: true).Build(), manifest);
            case "bplist-shared":
                return (File.ReadAllBytes(SharedFixtures.Path("plist", "Info.binary.plist")), plist);
            case "xmlplist-shared":
                return (File.ReadAllBytes(SharedFixtures.Path("plist", "Info.xml.plist")), plist);
            case "axml-shared-2.16.2":
            case "axml-shared-8.0.10":
                var apk = "io.appium.settings-" + input["axml-shared-".Length..] + ".apk";
                return (AndroidManifestReaderTests.ExtractManifest(SharedFixtures.Path("apk", apk)), manifest);
            default:
                throw new ArgumentException(input);
        }
    }

    private static byte[] Mutate(byte[] original, Random random, out string description)
    {
        var data = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                var length = random.Next(data.Length);
                description = $"truncate to {length}";
                return data[..length];
            case 1:
                var flips = random.Next(1, 9);
                description = $"{flips} random bytes";
                for (var i = 0; i < flips; i++)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 2:
                // Aim at the bplist trailer / AXML headers, where sizes and offsets live.
                var near = random.Next(2) == 0 ? random.Next(Math.Max(1, data.Length - 32), data.Length) : random.Next(Math.Min(64, data.Length));
                description = $"byte {near} set to an extreme";
                data[near] = random.Next(3) switch { 0 => 0x00, 1 => 0xFF, _ => 0x7F };
                return data;
            case 3:
                var at = random.Next(Math.Max(1, data.Length - 4));
                description = $"4 bytes at {at} set to a large value";
                BitConverter.TryWriteBytes(data.AsSpan(at), random.Next(2) == 0 ? uint.MaxValue : (uint)random.Next());
                return data;
            default:
                var from = random.Next(data.Length);
                var count = random.Next(1, Math.Max(2, data.Length - from));
                description = $"{count} bytes removed at {from}";
                return [.. data[..from], .. data[Math.Min(data.Length, from + count)..]];
        }
    }
}
