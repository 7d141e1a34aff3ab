namespace CiPublisher.IntegrationTests.Harness;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class DelayAwareClockTests
{
    private readonly DelayAwareClock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitsOneAfterAnother_AreSatOutExactly()
    {
        async Task TwoWaits()
        {
            await Task.Delay(TimeSpan.FromSeconds(10), _clock);
            await Task.Delay(TimeSpan.FromMinutes(7), _clock);
        }

        var moved = await _clock.AdvanceUntilDoneAsync(TwoWaits());

        moved.Should().Be(TimeSpan.FromSeconds(10) + TimeSpan.FromMinutes(7));
    }

    [Fact]
    public async Task ADeadline_IsNeverMovedTo_ButFiresWhenTimePassesIt()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), _clock);
        var wait = Task.Delay(TimeSpan.FromSeconds(30), _clock, deadline.Token);

        var moved = await _clock.AdvanceUntilDoneAsync(wait.ContinueWith(_ => { }, TaskScheduler.Default));

        wait.IsCanceled.Should().BeTrue("the deadline came first");
        moved.Should().Be(TimeSpan.FromSeconds(30), "time went to the wait, the only thing the code sat out");
    }
}
