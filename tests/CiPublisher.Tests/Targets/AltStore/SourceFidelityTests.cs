using System.Text;
using System.Text.Json.Nodes;
using CiPublisher.Core.Targets.AltStore.Source;

namespace CiPublisher.Tests.Targets.AltStore;

/// <summary>
/// Sources as their authors wrote them: the file after an update is the file before plus the new entry, byte for byte,
/// whatever its formatting, and the entry is written the way the neighbouring entries are.
/// </summary>
public sealed class SourceFidelityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("altsource-fidelity-").FullName;
    private static readonly AppLocator Lumen = new("org.example.lumen", null);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AltSourceVersion NewVersion(string description = "Albums 📸 — café filters") => new()
    {
        Version = "2.5.0",
        BuildVersion = "431",
        Date = new DateTimeOffset(2026, 6, 1, 6, 30, 0, TimeSpan.Zero),
        DownloadUrl = new Uri("https://cdn.example.net/lumen/2.5.0/manifest.json"),
        Size = 48_500_000,
        Description = description,
    };

    private async Task<(byte[] Before, byte[] After)> UpdateAsync(byte[] source, AltSourceVersion? version = null)
    {
        var path = Path.Combine(_folder, "source.json");
        await File.WriteAllBytesAsync(path, source);
        await AltSourceFile.AddVersionAsync(path, Lumen, version ?? NewVersion(), write: true, CancellationToken.None);
        return (source, await File.ReadAllBytesAsync(path));
    }

    /// <summary>
    /// What the update inserted, checked to be the only difference: before = after without it. A new entry at the top of
    /// <c>versions</c> goes right after its '[' (an entry looks like its neighbour, so a plain diff could not tell where).
    /// </summary>
    private static string Inserted(byte[] before, byte[] after)
    {
        var versions = before.AsSpan().IndexOf("\"versions\""u8);
        var prefix = versions >= 0 ? versions + before.AsSpan(versions).IndexOf((byte)'[') + 1 : 0;
        if (versions < 0)
        {
            while (prefix < before.Length && before[prefix] == after[prefix]) prefix++;
        }
        var suffix = before.Length - prefix;
        after.AsSpan(0, prefix).SequenceEqual(before.AsSpan(0, prefix)).Should().BeTrue("everything before the insertion stays");
        after.AsSpan(after.Length - suffix).SequenceEqual(before.AsSpan(prefix)).Should().BeTrue("everything after the insertion stays");
        return Encoding.UTF8.GetString(after[prefix..^suffix]);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private const string Pal = """
        {
          "name": "Example Labs",
          "apps": [
            {
              "name": "Lumen",
              "bundleIdentifier": "org.example.lumen",
              "marketplaceID": "6740000001",
              "developerName": "Example Labs",
              "localizedDescription": "Photos.",
              "iconURL": "https://apps.example.org/lumen.png",
              "versions": [
                {
                  "version": "2.4.1",
                  "date": "2026-05-02T09:12:44Z",
                  "buildVersion": "418",
                  "localizedDescription": "Fixes.",
                  "downloadURL": "https://cdn.example.net/lumen/2.4.1/manifest.json",
                  "size": 48000000
                }
              ]
            }
          ]
        }

        """;

    [Fact]
    public async Task TheNewEntry_FollowsTheNeighboursIndentationAndKeyOrder_AndNothingElseChanges()
    {
        var (before, after) = await UpdateAsync(Utf8(Pal));

        Inserted(before, after).Should().Be("""

                    {
                      "version": "2.5.0",
                      "date": "2026-06-01T06:30:00Z",
                      "buildVersion": "431",
                      "localizedDescription": "Albums 📸 — café filters",
                      "downloadURL": "https://cdn.example.net/lumen/2.5.0/manifest.json",
                      "size": 48500000
                    },
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EscapesTheAuthorWrote_StayEscaped_AndTheNewEntryIsEscapedTheSameWay()
    {
        var escaped = Pal.Replace("\"Photos.\"", "\"Fotos p\\u00e5 \\u2022 alle \\ud83d\\ude00\"", StringComparison.Ordinal)
            .Replace("\"Fixes.\"", "\"R\\u00e6ttelser\"", StringComparison.Ordinal);

        var (before, after) = await UpdateAsync(Utf8(escaped));

        Inserted(before, after).Should().Contain("\"Albums \\ud83d\\udcf8 \\u2014 caf\\u00e9 filters\"").And.NotContain("📸");
        Encoding.UTF8.GetString(after).Should().Contain("p\\u00e5 \\u2022 alle \\ud83d\\ude00");
    }

    [Fact]
    public async Task RawEmojiAndAccents_StayRaw_AndTheNewEntryIsRawToo()
    {
        var raw = Pal.Replace("\"Photos.\"", "\"Fotos på • alle 😀\"", StringComparison.Ordinal);

        var (before, after) = await UpdateAsync(Utf8(raw));

        Inserted(before, after).Should().Contain("\"Albums 📸 — café filters\"").And.NotContain("\\u");
    }

    [Fact]
    public async Task AMinifiedSource_GetsAOneLineEntry()
    {
        var minified = JsonNode.Parse(Pal)!.ToJsonString();

        var (before, after) = await UpdateAsync(Utf8(minified));

        Inserted(before, after).Should().StartWith("{\"version\":\"2.5.0\",\"date\":").And.EndWith("\"size\":48500000},");
    }

    [Fact]
    public async Task CrlfTrailingSpacesIrregularIndentationBomAndNoFinalNewline_AreAllKept()
    {
        var quirky = Pal.Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace("\"name\": \"Example Labs\",", "\"name\": \"Example Labs\",   ", StringComparison.Ordinal)
            .Replace("      \"developerName\"", "         \"developerName\"", StringComparison.Ordinal)
            .Replace("\"iconURL\"", "\r\n\r\n      \"iconURL\"", StringComparison.Ordinal)
            .TrimEnd();
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Utf8(quirky)];

        var (before, after) = await UpdateAsync(withBom);

        var inserted = Inserted(before, after);
        inserted.Should().Contain("\r\n").And.NotContainAny("\n  \"", "\r\r");
        inserted.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "every line break of the entry is the file's own CRLF");
        after.AsSpan(0, 3).ToArray().Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public async Task ARerun_LeavesTheFileByteIdentical()
    {
        var (_, first) = await UpdateAsync(Utf8(Pal));

        var (_, second) = await UpdateAsync(first, NewVersion() with { Date = DateTimeOffset.UnixEpoch });

        second.Should().Equal(first);
    }

    [Fact]
    public async Task AReplacedEntry_KeepsItsOtherKeysTextExactly()
    {
        var withExtras = Pal.Replace("\"size\": 48000000", "\"size\": 48000000,\n          \"marketingVersion\": \"2.4.1 \\/ caf\\u00e9\"", StringComparison.Ordinal);
        var republish = NewVersion() with { Version = "2.4.1", BuildVersion = "418" };

        var (_, after) = await UpdateAsync(Utf8(withExtras), republish);

        var text = Encoding.UTF8.GetString(after);
        text.Should().Contain("\"marketingVersion\": \"2.4.1 \\/ caf\\u00e9\"");
        JsonNode.Parse(text)!["apps"]![0]!["versions"]!.AsArray().Should().ContainSingle()
            .Which!["downloadURL"]!.GetValue<string>().Should().Be("https://cdn.example.net/lumen/2.5.0/manifest.json");
    }

    [Fact]
    public async Task AReplacedEntry_PointingElsewhere_DropsTheAssetUrlsOfItsOldPlace_AndKeepsThemForTheSameLink()
    {
        var withAssetUrls = Pal.Replace("\"size\": 48000000", "\"size\": 48000000,\n          \"assetURLs\": {\"manifest\": \"https://old.example.org/manifest.json\"}", StringComparison.Ordinal);
        var samePlace = NewVersion() with { Version = "2.4.1", BuildVersion = "418", DownloadUrl = new Uri("https://cdn.example.net/lumen/2.4.1/manifest.json") };
        var elsewhere = samePlace with { DownloadUrl = new Uri("https://cdn.example.net/lumen/2.4.1-renewed/manifest.json") };

        var (_, kept) = await UpdateAsync(Utf8(withAssetUrls), samePlace);
        var (_, moved) = await UpdateAsync(Utf8(withAssetUrls), elsewhere);

        Encoding.UTF8.GetString(kept).Should().Contain("\"assetURLs\": {\"manifest\": \"https://old.example.org/manifest.json\"}",
            "the author's assetURLs belong to the link the entry keeps");
        Encoding.UTF8.GetString(moved).Should().NotContain("assetURLs", "they would send AltStore to the files of the old link");
    }

    [Fact]
    public async Task AssetUrls_AreWrittenAsANestedObjectInTheAuthorsStyle()
    {
        var hosted = NewVersion() with
        {
            AssetUrls = [new("manifest", "https://github.com/o/r/releases/download/v2.5.0/manifest.json"), new("signature", "https://github.com/o/r/releases/download/v2.5.0/signature")],
        };

        var (before, after) = await UpdateAsync(Utf8(Pal), hosted);
        var (minBefore, minAfter) = await UpdateAsync(Utf8(JsonNode.Parse(Pal)!.ToJsonString()), hosted);

        Inserted(before, after).Should().Contain(string.Join("\n",
            "          \"size\": 48500000,",
            "          \"assetURLs\": {",
            "            \"manifest\": \"https://github.com/o/r/releases/download/v2.5.0/manifest.json\",",
            "            \"signature\": \"https://github.com/o/r/releases/download/v2.5.0/signature\"",
            "          }",
            "        },"));
        Inserted(minBefore, minAfter).Should().EndWith(
            "\"assetURLs\":{\"manifest\":\"https://github.com/o/r/releases/download/v2.5.0/manifest.json\",\"signature\":\"https://github.com/o/r/releases/download/v2.5.0/signature\"}},");
        JsonNode.Parse(Encoding.UTF8.GetString(after))!["apps"]![0]!["versions"]![0]!["assetURLs"]!["signature"]!.GetValue<string>()
            .Should().EndWith("/signature");
    }

    [Fact]
    public async Task AClassicSource_GetsNoAssetUrls()
    {
        var classic = Pal.Replace("      \"marketplaceID\": \"6740000001\",\n", "", StringComparison.Ordinal);

        var (_, after) = await UpdateAsync(Utf8(classic), NewVersion() with { AssetUrls = [new("manifest", "https://example.org/manifest.json")] });

        Encoding.UTF8.GetString(after).Should().NotContain("assetURLs", "assetURLs is a PAL key");
    }

    [Fact]
    public async Task AClassicSource_IsAccepted_WithoutPalKeys()
    {
        var classic = Pal.Replace("      \"marketplaceID\": \"6740000001\",\n", "", StringComparison.Ordinal)
            .Replace("          \"buildVersion\": \"418\",\n", "", StringComparison.Ordinal);
        var path = Path.Combine(_folder, "classic.json");
        await File.WriteAllTextAsync(path, classic);

        var update = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion() with
        {
            DownloadUrl = new Uri("https://github.com/example/lumen/releases/download/v2.5.0/Lumen.ipa"),
        }, write: true, CancellationToken.None);

        update.Kind.Should().Be(SourceKind.Classic);
        update.Warnings.Should().BeEmpty("a Classic app needs no marketplaceID and no buildVersion");
        Inserted(Utf8(classic), await File.ReadAllBytesAsync(path)).Should().NotContain("marketplaceID").And.Contain("Lumen.ipa");
    }

    [Fact]
    public async Task ALegacyAppWithoutVersions_GetsTheList_AndAnEmptyListGetsTheEntry()
    {
        var legacy = Pal[..Pal.IndexOf(",\n      \"versions\"", StringComparison.Ordinal)] + "\n    }\n  ]\n}\n";
        var empty = Pal[..Pal.IndexOf("\"versions\": [", StringComparison.Ordinal)] + "\"versions\": []\n    }\n  ]\n}\n";

        var (legacyBefore, legacyAfter) = await UpdateAsync(Utf8(legacy));
        var (emptyBefore, emptyAfter) = await UpdateAsync(Utf8(empty));

        Inserted(legacyBefore, legacyAfter).Should().StartWith(",\n      \"versions\": [\n        {\n          \"version\": \"2.5.0\"");
        JsonNode.Parse(Encoding.UTF8.GetString(emptyAfter))!["apps"]![0]!["versions"]!.AsArray().Should().ContainSingle();
        Encoding.UTF8.GetString(emptyAfter).Should().Contain("\"versions\": [\n        {\n          \"version\": \"2.5.0\"").And
            .Contain("\n      ]\n    }");
        Inserted(emptyBefore, emptyAfter).Should().StartWith("\n        {\n          \"version\": \"2.5.0\"", "only the list's inside changes");
    }
}
