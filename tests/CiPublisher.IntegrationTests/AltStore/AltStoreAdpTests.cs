using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AltStore;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AltStoreAdpTests : IAsyncLifetime
{
    private const string AdpId = "3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11";
    private AltStoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AltStoreHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<TargetResult> RunAsync(AltStoreSettings altstore, int maxRetries = 4) =>
        _harness.Time.RunUntilDoneAsync(_harness.Target(_harness.Settings(altstore, maxRetries: maxRetries))
            .RunAsync(ArtifactSet.Empty, CancellationToken.None));

    [Fact]
    public async Task ProcessAdp_ReadyAfterSeveralPolls_ReportsSuccessTheLinkAndHowLongItTook()
    {
        _harness.Emulator.PollsUntilDone = 4;

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Outputs.Should().Contain("adp-status", "success")
            .And.Contain("adp-download-url", _harness.Emulator.DownloadUrlOf(AdpId).AbsoluteUri);
        _harness.Emulator.ProcessRequests.Should().Equal(AdpId);
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(4);
        result.Figures["adp-polls"].Should().Be("4");
        // Four waits of 10, 15, 22.5 and 33.75 s (±20 % jitter) separate the trigger from the link: at least 65 s. The test
        // clock moves in steps while requests are in flight, so the upper bound only rules out a wrong starting point.
        ParseSeconds(result.Figures["adp-processing"]).Should().BeInRange(65, 180);
        result.Items.Single().Links["download"].Should().Be(_harness.Emulator.DownloadUrlOf(AdpId).AbsoluteUri);
    }

    [Fact]
    public async Task AltStoreStatus_Failed_IsTerminal_ObservedByThirdPartiesOnly()
    {
        _harness.Emulator.FailingAdpIds.Add(AdpId);

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain(AdpId).And.Contain("'failed'");
        result.Outputs.Should().Contain("adp-status", "failed").And.NotContainKey("adp-download-url");
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(3);
    }

    [Fact]
    public async Task ProcessAdp_NeverReady_StopsAtTheWaitTimeout()
    {
        _harness.Emulator.PollsUntilDone = int.MaxValue;

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId), WaitTimeout = TimeSpan.FromMinutes(4) });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Outputs.Should().Contain("adp-status", "timeout");
        result.Reason.Should().Contain("within 4m 00s").And.Contain("last status: processing");
        // Never before the deadline; the test clock may run a few steps past it while a request is in flight.
        ParseSeconds(result.Figures["adp-processing"]).Should().BeInRange(240, 300);
        // At most 8: the shortest delays (8, 12, 18, 27, 40.5, 48, 48 s) fit seven waits and one cut short at the deadline.
        int.Parse(result.Figures["adp-polls"], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(2, 8);
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(int.Parse(result.Figures["adp-polls"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ProcessAdp_TransientErrorsWhilePolling_AreWaitedOut()
    {
        // One HTTP-level retry per poll: two failures each make two whole polls fail, which the poller must ride out.
        _harness.Emulator.Faults.Add(Fault.Status("GET", $"/adps/{AdpId}", 503, """{"error":"upstream busy"}"""), 2);
        _harness.Emulator.Faults.Add(Fault.Drop(FaultKind.DropBeforeBody, "GET", $"/adps/{AdpId}"), 2);

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) }, maxRetries: 1);

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Outputs.Should().Contain("adp-status", "success");
        _harness.Emulator.Faults.PendingCount.Should().Be(0);
        var survived = _harness.Logs.Lines.Where(l => l.Contains("still waiting", StringComparison.Ordinal)).ToList();
        survived.Should().HaveCount(2);
        survived[0].Should().Contain("HTTP 503").And.Contain("upstream busy");
        survived[1].Should().Contain("could not be reached");
        result.Figures["adp-polls"].Should().Be("5", "two failed polls, then the three the emulator needs");
    }

    [Fact]
    public async Task AltStoreStatus_UnknownValues_AreTreatedAsStillProcessing_AndEachChangeIsLoggedOnce()
    {
        _harness.Emulator.PollsUntilDone = 7;
        foreach (var status in new[] { "queued", "queued", "unpacking", "unpacking", "unpacking", "signing" })
            _harness.Emulator.ProcessingStatuses.Add(status);
        _harness.Emulator.ProcessingStatuses.RemoveAt(0);

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Succeeded);
        var statusLines = _harness.Logs.Lines.Where(l => l.Contains($"ADP {AdpId} status", StringComparison.Ordinal)).ToList();
        statusLines.Should().HaveCount(4);
        statusLines.Select(l => l.Split(" status ")[1].Split(' ')[0]).Should().Equal("queued", "unpacking", "signing", "success");
    }

    [Fact]
    public async Task AFailureCarryingAMessage_EndsTheWait_ShowingAltStoresWords()
    {
        const string Said = "Please make sure you have signed the latest Paid Apps Agreement on App Store Connect.";
        _harness.Emulator.FailuresWithMessage[AdpId] = ("processing_error", Said);

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("processing_error").And.Contain(Said);
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(3, "the answer that carried the error ends the wait");
    }

    [Fact]
    public async Task AnUnknownStatusThatNeverChanges_FailsAfterAWhile_NotAtTheTimeout()
    {
        _harness.Emulator.PollsUntilDone = int.MaxValue;
        _harness.Emulator.ProcessingStatuses.Clear();
        _harness.Emulator.ProcessingStatuses.Add("waiting_for_apple");

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId), WaitTimeout = TimeSpan.FromHours(2) });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("'waiting_for_apple'").And.Contain("neither processing nor done");
        ParseSeconds(result.Figures["adp-processing"]).Should().BeInRange(15 * 60, 20 * 60);
    }

    [Fact]
    public async Task ProcessAdp_WaitOff_TriggersAndReturnsWithoutPolling()
    {
        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId), Wait = false });

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Outputs.Should().Contain("adp-status", "processing").And.NotContainKey("adp-download-url");
        _harness.Emulator.ProcessRequests.Should().Equal(AdpId);
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(0);
    }

    [Fact]
    public async Task ProcessAdp_TriggerLandedButAnswerLost_IsNotSentTwice()
    {
        _harness.Emulator.Faults.Add(Fault.Drop(FaultKind.DropAfterHandler, "POST", "/adps"));

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Succeeded);
        _harness.Emulator.ProcessRequests.Should().Equal(AdpId);
        _harness.Logs.Text.Should().Contain("checking whether the request landed");
    }

    [Fact]
    public async Task ProcessAdp_TriggerLostBeforeArriving_IsSentOnceMore()
    {
        _harness.Emulator.Faults.Add(Fault.Drop(FaultKind.DropBeforeBody, "POST", "/adps"));

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Succeeded);
        _harness.Emulator.Journal.CountOf("POST", "/adps").Should().Be(2);
        _harness.Emulator.ProcessRequests.Should().Equal(AdpId);
    }

    [Fact]
    public async Task ProcessAdp_TriggerRejected_FailsQuotingTheServiceAnswer()
    {
        _harness.Emulator.Faults.Add(Fault.Status("POST", "/adps", 422, """{"error":"ADP is not notarized"}"""));

        var result = await RunAsync(new AltStoreSettings { AdpId = AltStoreHarness.Adp(AdpId) });

        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("HTTP 422").And.Contain("ADP is not notarized");
        result.Outputs.Should().Contain("adp-status", "failed");
        _harness.Emulator.Journal.CountOf("GET", "/adps/").Should().Be(0);
    }

    private static int ParseSeconds(string figure)
    {
        var match = System.Text.RegularExpressions.Regex.Match(figure, @"^(?:(\d+)m )?(\d+)s$");
        match.Success.Should().BeTrue($"'{figure}' should read as minutes and seconds");
        return (match.Groups[1].Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 60 : 0)
               + int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
