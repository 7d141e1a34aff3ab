using System.Text.Json.Nodes;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AltStore;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AltStoreSourceAndFederationTests : IAsyncLifetime
{
    private const string AdpId = "6741000000-adp-431";
    private static readonly Uri SourceUrl = new("https://apps.example.org/source.json");
    private AltStoreHarness _harness = null!;
    private string _sourcePath = null!;

    public async Task InitializeAsync()
    {
        _harness = await AltStoreHarness.StartAsync();
        _sourcePath = Path.Combine(_harness.WorkingDirectory, "source.json");
        await File.WriteAllTextAsync(_sourcePath, SourceFixtures.Realistic);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static AltStoreSettings Everything => new() { AdpId = AltStoreHarness.Adp(AdpId), SourceFile = "source.json", SourceUrl = SourceUrl };

    private Task<TargetResult> RunAsync(AltStoreSettings altstore, bool dryRun = false) =>
        _harness.Time.RunUntilDoneAsync(_harness.Target(_harness.Settings(altstore, dryRun))
            .RunAsync(AltStoreHarness.Ipa(), CancellationToken.None));

    [Fact]
    public async Task Publish_ProcessesTheAdp_PutsItsLinkInTheSource_ThenFederates()
    {
        var result = await RunAsync(Everything);

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        result.Items.Select(i => i.Outcome).Should().Equal(Outcome.Succeeded, Outcome.Succeeded, Outcome.Succeeded);
        var entry = JsonNode.Parse(await File.ReadAllTextAsync(_sourcePath))!["apps"]![0]!["versions"]![0]!;
        entry["version"]!.GetValue<string>().Should().Be("2.5.0");
        entry["buildVersion"]!.GetValue<string>().Should().Be("431");
        entry["downloadURL"]!.GetValue<string>().Should().Be(_harness.Emulator.DownloadUrlOf(AdpId).AbsoluteUri);
        entry["size"]!.GetValue<long>().Should().Be(48_500_000);
        entry["minOSVersion"]!.GetValue<string>().Should().Be("17.4");
        entry["localizedDescription"]!.GetValue<string>().Should().Be("Faster export.");
        entry["date"]!.GetValue<string>().Should().StartWith("2026-05-02T09:1").And.EndWith("Z");
        _harness.Emulator.FederatedSources.Should().Equal(SourceUrl.AbsoluteUri);
        result.Items[2].Facts["answer"].Should().Be("HTTP 200");
        result.Notes.Should().Contain(n => n.Contains("altstore-hosted-url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_WithHostedUrl_WritesTheHostedUrlNotAltStoresExpiringLink()
    {
        var hosted = new Uri("https://apps.example.org/lumen/adp/2.5.0-431/manifest.json");

        var result = await RunAsync(Everything with { HostedUrl = hosted });

        result.Outcome.Should().Be(Outcome.Succeeded, result.Reason);
        JsonNode.Parse(await File.ReadAllTextAsync(_sourcePath))!["apps"]![0]!["versions"]![0]!["downloadURL"]!
            .GetValue<string>().Should().Be(hosted.AbsoluteUri);
    }

    [Fact]
    public async Task Publish_RunTwice_SecondRunLeavesOneEntryForTheVersion()
    {
        await RunAsync(Everything with { SourceUrl = null });
        var afterFirst = await File.ReadAllTextAsync(_sourcePath);

        var second = await RunAsync(Everything with { SourceUrl = null });

        second.Outcome.Should().NotBe(Outcome.Failed);
        var versions = JsonNode.Parse(await File.ReadAllTextAsync(_sourcePath))!["apps"]![0]!["versions"]!.AsArray();
        versions.Count(v => v!["version"]!.GetValue<string>() == "2.5.0").Should().Be(1);
        versions.Should().HaveCount(3);
        // Processing again renews AltStore's link: the entry of the version takes the fresh one, in place.
        second.Items[1].Reason.Should().StartWith("updated the existing");
        versions[0]!["downloadURL"]!.GetValue<string>().Should().Be(_harness.Emulator.DownloadUrlOf(AdpId).AbsoluteUri)
            .And.NotBe(JsonNode.Parse(afterFirst)!["apps"]![0]!["versions"]![0]!["downloadURL"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_AdpFails_SourceIsLeftAloneAndNothingIsFederated()
    {
        _harness.Emulator.FailingAdpIds.Add(AdpId);

        var result = await RunAsync(Everything);

        result.Outcome.Should().Be(Outcome.Failed);
        result.Items[1].Outcome.Should().Be(Outcome.Skipped);
        result.Items[2].Outcome.Should().Be(Outcome.Skipped);
        (await File.ReadAllTextAsync(_sourcePath)).Should().Be(SourceFixtures.Realistic);
        _harness.Emulator.Journal.CountOf("POST", "/federate").Should().Be(0);
    }

    [Fact]
    public async Task DryRun_SendsNothing_AndLeavesTheSourceFileUntouched()
    {
        var result = await RunAsync(Everything, dryRun: true);

        result.Outcome.Should().Be(Outcome.Skipped);
        result.Items.Should().HaveCount(3).And.OnlyContain(i => i.Outcome == Outcome.Skipped && i.Reason!.StartsWith("dry run"));
        result.Items[1].Reason.Should().Contain("would add Lumen 2.5.0 (431)");
        _harness.Emulator.Journal.Count.Should().Be(0);
        (await File.ReadAllTextAsync(_sourcePath)).Should().Be(SourceFixtures.Realistic);
        Directory.GetFiles(_harness.WorkingDirectory).Should().ContainSingle();
    }

    [Fact]
    public async Task Federate_Rejected_FailsQuotingTheServiceAnswer()
    {
        _harness.Emulator.Faults.Add(Fault.Status("POST", "/federate", 400, """{"error":"source has no fediUsername"}"""));

        var result = await RunAsync(new AltStoreSettings { SourceUrl = SourceUrl });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("HTTP 400").And.Contain("source has no fediUsername");
    }

    [Fact]
    public async Task Federate_Sub_Mode_RunsOnlyTheFederation()
    {
        var result = await RunAsync(Everything with { Steps = AltStoreSteps.Federate });

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Items.Should().ContainSingle();
        _harness.Emulator.ProcessRequests.Should().BeEmpty();
        _harness.Emulator.FederatedSources.Should().Equal(SourceUrl.AbsoluteUri);
        (await File.ReadAllTextAsync(_sourcePath)).Should().Be(SourceFixtures.Realistic);
    }
}
