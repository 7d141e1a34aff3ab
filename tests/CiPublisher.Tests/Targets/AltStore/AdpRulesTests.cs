using CiPublisher.Core.Targets.AltStore;

namespace CiPublisher.Tests.Targets.AltStore;

public class AdpRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc/def")]
    [InlineData("abc\\def")]
    [InlineData("..")]
    [InlineData("abc..def")]
    [InlineData("abc?x=1")]
    [InlineData("abc#frag")]
    [InlineData("abc def")]
    [InlineData("abc\n")]
    [InlineData("%2e%2e")]
    public void AdpId_WithPathOrUrlCharacters_IsNotMade(string text)
    {
        AdpId.Parse(text, out var problem).Should().BeNull();
        problem.Should().MatchRegex("^(is empty|must )");
    }

    [Fact]
    public void AdpId_OfNothing_IsNotMade()
    {
        AdpId.Parse(null, out var problem).Should().BeNull();
        problem.Should().Be("is empty");
    }

    [Theory]
    [InlineData("3c1f0b7e-9d2a-4f55-8c1e-0a9b6f2d4e11")]
    [InlineData("6741000000")]
    public void AdpId_Opaque_IsMadeAsGiven(string text)
    {
        AdpId.Parse(text, out var problem)!.Value.Should().Be(text);
        problem.Should().BeNull();
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("queued")]
    [InlineData("SUCCESS")]
    [InlineData(null)]
    public void AltStoreStatus_UnknownValueOrSuccessWithoutDownloadUrl_IsTreatedAsStillProcessing(string? status) =>
        new AdpState(status, null).Phase.Should().Be(AdpPhase.Processing);

    [Theory]
    [InlineData("failed")]
    [InlineData(" Failed ")]
    [InlineData("error")]
    [InlineData("processing_failed")]
    public void AltStoreStatus_Failed_IsTerminal_ObservedByThirdPartiesOnly(string status) =>
        new AdpState(status, null).Phase.Should().Be(AdpPhase.Failed);

    [Fact]
    public void AnAnswerCarryingAMessage_IsAFailure_WhateverItsStatus() =>
        new AdpState("queued", null, "Please make sure you have signed the latest Paid Apps Agreement on App Store Connect.").Phase
            .Should().Be(AdpPhase.Failed);

    [Theory]
    [InlineData("unpacking")]
    [InlineData("waiting_for_apple")]
    public void AStatusThisToolDoesNotKnow_IsUnknown_NotProcessing(string status) =>
        new AdpState(status, null).Phase.Should().Be(AdpPhase.Unknown);

    [Theory]
    [InlineData("success")]
    [InlineData("ready-ish")]
    public void AltStoreStatus_AnyStatusWithDownloadUrl_IsReady_BecauseTheLinkAppearsOnlyWhenFinished(string status) =>
        new AdpState(status, "https://cdn.example.net/a.zip").Phase.Should().Be(AdpPhase.Ready);

    [Fact]
    public void PollSchedule_StartsNearTenSecondsGrowsAndCapsNearAMinute()
    {
        var schedule = new PollSchedule(new Random(7));
        var delays = Enumerable.Range(0, 12).Select(_ => schedule.Next()).ToList();

        delays[0].Should().BeCloseTo(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        delays.Should().OnlyContain(d => d >= PollSchedule.ShortestPossible && d <= PollSchedule.LongestPossible);
        delays.Skip(8).Should().OnlyContain(d => d >= TimeSpan.FromSeconds(48), "by then the base delay is capped at 60 s");
        delays.Distinct().Should().HaveCountGreaterThan(6, "jitter spreads pipelines apart");
    }
}
