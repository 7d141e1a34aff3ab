using System.Text.Json.Nodes;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AltStore;

/// <summary>
/// The processed ADP taken from AltStore's expiring link to a folder that lasts (<c>altstore-adp-dir</c>), and what the
/// source learns from it: the size of a variant, the lowest iOS, and with no .ipa in the run the app and version.
/// </summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AltStoreAdpHostingTests : IAsyncLifetime
{
    private const string AdpId = "6741000000-adp-431";
    private static readonly Uri Hosted = new("https://apps.example.org/lumen/adp/2.5.0-431/");
    private readonly SampleAdp _package = SampleAdp.Build("org.example.lumen", "2.5.0", "431", "6741000000", minimumIos: "17.2", deltas: 1);
    private AltStoreHarness _harness = null!;
    private string _sourcePath = null!;

    public async Task InitializeAsync()
    {
        _harness = await AltStoreHarness.StartAsync();
        _harness.Emulator.PollsUntilDone = 1;
        _harness.Emulator.Packages[AdpId] = _package.Zip;
        _sourcePath = Path.Combine(_harness.WorkingDirectory, "source.json");
        await File.WriteAllTextAsync(_sourcePath, SourceFixtures.Realistic);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static AltStoreSettings Unpacking => new() { AdpId = AltStoreHarness.Adp(AdpId), SourceFile = "source.json", AdpDir = "public/adp", HostedUrl = Hosted };

    private string Folder => Path.Combine(_harness.WorkingDirectory, "public", "adp");

    private Task<TargetResult> RunAsync(AltStoreSettings altstore, ArtifactSet? artifacts = null) =>
        _harness.Time.RunUntilDoneAsync(_harness.Target(_harness.Settings(altstore)).RunAsync(artifacts ?? AltStoreHarness.Ipa(), CancellationToken.None));

    private JsonNode NewestEntry() => JsonNode.Parse(File.ReadAllText(_sourcePath))!["apps"]![0]!["versions"]![0]!;

    [Fact]
    public async Task AdpDir_HoldsExactlyThePackagesFiles_ByteForByte_AndTheSourcePointsAtTheHostedUrl()
    {
        var result = await RunAsync(Unpacking);

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var onDisk = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes);
        onDisk.Keys.Should().BeEquivalentTo(_package.Files.Keys);
        foreach (var (path, bytes) in _package.Files) onDisk[path].Should().Equal(bytes, $"{path} is hosted as AltStore sent it");
        var entry = NewestEntry();
        entry["downloadURL"]!.GetValue<string>().Should().Be(Hosted.AbsoluteUri);
        entry["size"]!.GetValue<long>().Should().Be(_package.FirstVariantSize, "a PAL version's size is a variant's, not the .ipa's");
        entry["minOSVersion"]!.GetValue<string>().Should().Be("17.2", "the manifest says which iOS the package installs on");
        entry["assetURLs"].Should().BeNull("a folder keeps the package's layout, so the files are found relative to the link");
        result.Outputs["adp-manifest-url"].Should().Be(Hosted.AbsoluteUri + "manifest.json");
    }

    [Fact]
    public async Task ARerun_KeepsTheFolderAndTheSourceAsTheyAre()
    {
        await RunAsync(Unpacking);
        var source = await File.ReadAllBytesAsync(_sourcePath);
        var written = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = await RunAsync(Unpacking);

        again.Outcome.Should().Be(Outcome.Succeeded, again.Reason);
        again.Items.Should().Contain(i => i.Name == "source source.json" && i.Outcome == Outcome.AlreadyDone);
        again.Items.Should().Contain(i => i.Name.StartsWith("folder ", StringComparison.Ordinal) && i.Reason!.Contains("already there unchanged"));
        (await File.ReadAllBytesAsync(_sourcePath)).Should().Equal(source);
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc)
            .Should().Equal(written, "a file with the same content is not written again");
        _harness.Emulator.Downloads.Should().HaveCount(2, "each run fetches the package once");
    }

    [Fact]
    public async Task ARerun_UsesTheLinkAltStoreAlreadyHas_WithoutProcessingAgain()
    {
        await RunAsync(Unpacking);

        var again = await RunAsync(Unpacking);

        again.Outcome.Should().Be(Outcome.Succeeded, again.Reason);
        _harness.Emulator.ProcessRequests.Should().ContainSingle("the ADP was processed and its link still works");
        _harness.Emulator.Downloads.Should().HaveCount(2);
    }

    [Fact]
    public async Task ALinkAltStoreCallsExpired_IsRenewedByProcessingAgain()
    {
        await RunAsync(Unpacking);
        _harness.Emulator.ExpiredLinks.Add(AdpId);

        var again = await RunAsync(Unpacking);

        again.Outcome.Should().Be(Outcome.Succeeded, again.Reason);
        _harness.Emulator.ProcessRequests.Should().HaveCount(2);
        _harness.Emulator.Downloads.Should().HaveCount(2);
    }

    [Fact]
    public async Task WithoutHosting_TheSourceAlwaysGetsAFreshLink()
    {
        var pointing = Unpacking with { AdpDir = null, HostedUrl = null };
        await RunAsync(pointing);

        await RunAsync(pointing);

        _harness.Emulator.ProcessRequests.Should().HaveCount(2, "an unread link could have expired: only processing again is sure");
        _harness.Emulator.Downloads.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutAnIpa_TheAdpNamesTheAppVersionBuildAndSize()
    {
        var result = await RunAsync(Unpacking, new ArtifactSet([]));

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        var entry = NewestEntry();
        entry["version"]!.GetValue<string>().Should().Be("2.5.0");
        entry["buildVersion"]!.GetValue<string>().Should().Be("431");
        entry["size"]!.GetValue<long>().Should().Be(_package.FirstVariantSize);
    }

    [Fact]
    public async Task AnExpiredLink_IsRenewedByProcessingTheAdpAgain()
    {
        _harness.Emulator.LinkExpiresBeforeFirstDownload.Add(AdpId);

        var result = await RunAsync(Unpacking);

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _harness.Emulator.ProcessRequests.Should().Equal(AdpId, AdpId);
        _harness.Emulator.Downloads.Should().ContainSingle();
        _harness.Logs.Text.Should().Contain("HTTP 403");
    }

    [Fact]
    public async Task ADownloadThatBreaksOff_IsStartedAgain_AndOnlyTheWholePackageIsUsed()
    {
        _harness.Emulator.DownloadsCutShort = 1;

        var result = await RunAsync(Unpacking);

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        _harness.Emulator.Downloads.Should().ContainSingle("the second attempt got the whole zip");
        File.ReadAllBytes(Path.Combine(Folder, "manifest.json")).Should().Equal(_package.Manifest);
    }

    [Fact]
    public async Task ADownloadThatKeepsBreakingOff_FailsSayingSo_AndLeavesTheSourceAlone()
    {
        _harness.Emulator.DownloadsCutShort = 10;
        var before = await File.ReadAllBytesAsync(_sourcePath);

        var result = await _harness.Time.RunUntilDoneAsync(_harness.Target(_harness.Settings(Unpacking, maxRetries: 2))
            .RunAsync(AltStoreHarness.Ipa(), CancellationToken.None));

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("broke off");
        (await File.ReadAllBytesAsync(_sourcePath)).Should().Equal(before);
        Directory.Exists(Folder).Should().BeFalse("nothing of a broken download is unpacked");
    }

    [Fact]
    public async Task APackageOfAnotherVersion_FailsNamingTheInput_AndLeavesTheSourceAlone()
    {
        _harness.Emulator.Packages[AdpId] = SampleAdp.Build("org.example.lumen", "2.4.1", "418").Zip;
        var before = await File.ReadAllBytesAsync(_sourcePath);

        var result = await RunAsync(Unpacking);

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("2.4.1 (418)").And.Contain("2.5.0 (431)").And.Contain("altstore-adp-id");
        (await File.ReadAllBytesAsync(_sourcePath)).Should().Equal(before);
        result.Items.Should().Contain(i => i.Name == "source source.json" && i.Outcome == Outcome.Skipped);
    }

    [Fact]
    public async Task ADryRun_SaysWhereTheAdpWouldGo_AndDownloadsNothing()
    {
        var before = await File.ReadAllBytesAsync(_sourcePath);

        var result = await _harness.Time.RunUntilDoneAsync(_harness.Target(_harness.Settings(Unpacking, dryRun: true))
            .RunAsync(AltStoreHarness.Ipa(), CancellationToken.None));

        result.Items[0].Reason.Should().Contain("then download it and unpack it into public/adp");
        _harness.Emulator.ProcessRequests.Should().BeEmpty();
        _harness.Emulator.Downloads.Should().BeEmpty();
        Directory.Exists(Folder).Should().BeFalse();
        (await File.ReadAllBytesAsync(_sourcePath)).Should().Equal(before);
    }

    [Fact]
    public async Task AFolderOnly_WithoutAHostedUrl_PointsAtAltStoresLink_AndSaysWhatToDo()
    {
        var result = await RunAsync(Unpacking with { HostedUrl = null });

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        NewestEntry()["downloadURL"]!.GetValue<string>().Should().Be(_harness.Emulator.DownloadUrlOf(AdpId).AbsoluteUri);
        result.Notes.Should().Contain(n => n.Contains("public/adp", StringComparison.Ordinal) && n.Contains("altstore-hosted-url", StringComparison.Ordinal));
        result.Outputs.Should().NotContainKey("adp-manifest-url");
    }
}
