using System.Text.Json.Nodes;
using CiPublisher.Core.Targets.AltStore.Source;
using CiPublisher.Emulators.AltStore;

namespace CiPublisher.Tests.Targets.AltStore;

public sealed class AltSourceFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("altsource-").FullName;
    private static readonly AppLocator Lumen = new("org.example.lumen", null);

    private static AltSourceVersion NewVersion(string version = "2.5.0", string build = "431", string url = "https://cdn.example.net/adp/2.5.0.zip") => new()
    {
        Version = version,
        BuildVersion = build,
        Date = new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.FromHours(2)),
        DownloadUrl = new Uri(url),
        Size = 48_500_000,
        Description = "Albums — and café filters.",
        MinOsVersion = "17.4",
    };

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "source.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task AddVersion_RealisticSource_OutputIsTheInputPlusExactlyOneVersionAtTheTop()
    {
        var path = Write(SourceFixtures.Realistic);

        var update = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);

        update.Should().BeEquivalentTo(new SourceUpdate(SourceEdit.Added, "Lumen", Written: true, SourceKind.Pal, []));
        var output = JsonNode.Parse(File.ReadAllText(path))!;
        var versions = output["apps"]![0]!["versions"]!.AsArray();
        var added = versions[0]!.AsObject();
        added.Select(p => p.Key).Should().Equal("version", "buildVersion", "date", "localizedDescription", "downloadURL", "size", "minOSVersion");
        added["date"]!.GetValue<string>().Should().Be("2026-06-01T06:30:00Z");
        added["downloadURL"]!.GetValue<string>().Should().Be("https://cdn.example.net/adp/2.5.0.zip");
        added["size"]!.GetValue<long>().Should().Be(48_500_000);
        added["localizedDescription"]!.GetValue<string>().Should().Be("Albums — and café filters.");

        versions.RemoveAt(0);
        JsonNode.DeepEquals(output, JsonNode.Parse(SourceFixtures.Realistic)).Should().BeTrue("nothing but the new entry may change");
    }

    [Fact]
    public async Task AddVersion_KeepsPropertyOrderNumbersAndTheFilesLayout()
    {
        var path = Write(SourceFixtures.Realistic);

        await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);

        var text = File.ReadAllText(path);
        var output = JsonNode.Parse(text)!.AsObject();
        var input = JsonNode.Parse(SourceFixtures.Realistic)!.AsObject();
        output.Select(p => p.Key).Should().Equal(input.Select(p => p.Key));
        output["apps"]![0]!.AsObject().Select(p => p.Key).Should().Equal(input["apps"]![0]!.AsObject().Select(p => p.Key));
        text.Should().Contain("\"weights\": [1.50, 2e3, -0.0]", "numbers and spacing stay as the user wrote them");
        text.Should().StartWith("{\n  \"name\"").And.EndWith("}\n").And.Contain("café").And.Contain("<b>markup</b> & ampersands");
    }

    [Fact]
    public async Task AddVersion_TabIndentedSource_KeepsTabs()
    {
        var tabbed = System.Text.RegularExpressions.Regex.Replace(SourceFixtures.Realistic, "(?m)^((?:  )+)", m => new string('\t', m.Length / 2));
        var path = Write(tabbed);

        await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);

        File.ReadAllText(path).Should().StartWith("{\n\t\"name\"").And.NotContain("\n  \"");
    }

    [Fact]
    public async Task AddVersion_MinifiedSource_StaysOnOneLine()
    {
        var path = Write(JsonNode.Parse(SourceFixtures.Realistic)!.ToJsonString());

        await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);

        var text = File.ReadAllText(path);
        text.Should().NotContain("\n").And.Contain("\"versions\":[{\"version\":\"2.5.0\"");
    }

    [Fact]
    public async Task AddVersion_SameVersionAndBuild_ReplacesTheEntryInPlaceKeepingItsOtherKeys()
    {
        var path = Write(SourceFixtures.Realistic);

        var update = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion("2.4.1", "418"), write: true, CancellationToken.None);

        update.Edit.Should().Be(SourceEdit.Replaced);
        var versions = JsonNode.Parse(File.ReadAllText(path))!["apps"]![0]!["versions"]!.AsArray();
        versions.Should().HaveCount(2, "a second 2.4.1 (418) would break the whole source");
        var entry = versions[0]!;
        entry["downloadURL"]!.GetValue<string>().Should().Be("https://cdn.example.net/adp/2.5.0.zip");
        entry["date"]!.GetValue<string>().Should().Be("2026-06-01T06:30:00Z");
        entry["assetURLs"].Should().BeNull("they named the files of the link this entry no longer points at");
        entry["marketingVersion"]!.GetValue<string>().Should().Be("2.4.1 (Spring)");
        entry["maxOSVersion"]!.GetValue<string>().Should().Be("26.0");
        entry.AsObject().Select(p => p.Key).Should().StartWith(["version", "buildVersion", "marketingVersion", "date"]);
    }

    [Fact]
    public async Task AddVersion_SameContentAgain_LeavesTheFileByteForByte()
    {
        var path = Write(SourceFixtures.Realistic);
        await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);
        var first = File.ReadAllBytes(path);

        var again = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion() with { Date = DateTimeOffset.UnixEpoch }, write: true, CancellationToken.None);

        again.Should().BeEquivalentTo(new SourceUpdate(SourceEdit.Unchanged, "Lumen", Written: false, SourceKind.Pal, []));
        File.ReadAllBytes(path).Should().Equal(first);
    }

    [Fact]
    public async Task AddVersion_ByMarketplaceId_WhenNoBundleIdentifierIsKnown()
    {
        var path = Write(SourceFixtures.Realistic);

        var update = await AltSourceFile.AddVersionAsync(path, new AppLocator(null, "6741000001"), NewVersion("1.1", "9"), write: true, CancellationToken.None);

        update.AppName.Should().Be("Dusk");
        JsonNode.Parse(File.ReadAllText(path))!["apps"]![1]!["versions"]![0]!["version"]!.GetValue<string>().Should().Be("1.1");
    }

    [Fact]
    public async Task AddVersion_AnEntryAltStoreWouldRefuse_LeavesTheOriginalUntouchedAndNoTemporaryFile()
    {
        var path = Write(SourceFixtures.Realistic);

        // A PAL app's version without a build: AltStore would reject the whole source.
        var act = () => AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(build: ""), write: true, CancellationToken.None);

        var refusal = (await act.Should().ThrowAsync<AltSourceException>()).Which;
        refusal.Message.Should().Contain("$.apps[0].versions[0].buildVersion").And.Contain("left unchanged");
        refusal.Problems.Should().ContainSingle();
        File.ReadAllText(path).Should().Be(SourceFixtures.Realistic);
        Directory.GetFiles(_folder).Should().ContainSingle();
    }

    [Fact]
    public async Task AddVersion_ProblemsOfOtherAppsThatWereAlreadyThere_AreWarnings_NotRefusals()
    {
        // Dusk's date form is one AltStore cannot decode; the update of Lumen neither made nor touches it.
        var broken = SourceFixtures.Realistic.Replace("2026-03-03T10:00:00+01:00", "2026-03-03 10:00", StringComparison.Ordinal);
        var path = Write(broken);

        var update = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: true, CancellationToken.None);

        update.Written.Should().BeTrue();
        update.Warnings.Should().ContainSingle().Which.Should().StartWith("$.apps[1].versions[0].date");
    }

    [Fact]
    public async Task AddVersion_AppNotInTheSource_SaysToAddItFirst()
    {
        var path = Write(SourceFixtures.Realistic);

        var act = () => AltSourceFile.AddVersionAsync(path, new AppLocator("org.example.unknown", null), NewVersion(), write: true, CancellationToken.None);

        (await act.Should().ThrowAsync<AltSourceException>()).Which.Message.Should().Contain("org.example.unknown").And.Contain("add the app");
        File.ReadAllText(path).Should().Be(SourceFixtures.Realistic);
    }

    [Fact]
    public async Task AddVersion_DryRun_ValidatesButWritesNothing()
    {
        var path = Write(SourceFixtures.Realistic);

        var update = await AltSourceFile.AddVersionAsync(path, Lumen, NewVersion(), write: false, CancellationToken.None);

        update.Should().BeEquivalentTo(new SourceUpdate(SourceEdit.Added, "Lumen", Written: false, SourceKind.Pal, []));
        File.ReadAllText(path).Should().Be(SourceFixtures.Realistic);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
