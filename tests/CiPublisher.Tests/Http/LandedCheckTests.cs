using CiPublisher.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.Tests.Http;

public class LandedCheckTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _calls = [];

    private Write<string> Write(Func<int, string?> landedAfterAttempt, int maxAttempts = 3) => new()
    {
        Send = _ =>
        {
            _calls.Add("send");
            throw new IOException("connection reset");
        },
        MayHaveLanded = e => e is IOException,
        FindLanded = (_, _) =>
        {
            _calls.Add("find");
            return Task.FromResult(landedAfterAttempt(_calls.Count(c => c == "send")));
        },
        MaxAttempts = maxAttempts,
        Delay = (attempt, _) => TimeSpan.FromSeconds(attempt),
    };

    [Fact]
    public async Task AnUnclearAttemptThatLanded_IsFound_AndNotSentAgain()
    {
        var result = await LandedCheck.SendAsync(Write(_ => "rel_1"), _time, CancellationToken.None);

        result.Should().Be("rel_1");
        _calls.Should().Equal("send", "find");
    }

    [Fact]
    public async Task OneThatDidNotLand_IsSentAgainAfterThePause_UntilAttemptsRunOut()
    {
        var sending = LandedCheck.SendAsync(Write(_ => null), _time, CancellationToken.None);
        _calls.Should().Equal("send", "find");

        _time.Advance(TimeSpan.FromSeconds(1));
        _calls.Should().Equal("send", "find", "send", "find");
        _time.Advance(TimeSpan.FromSeconds(2));

        var ending = () => sending;
        await ending.Should().ThrowAsync<IOException>();
        _calls.Should().Equal("send", "find", "send", "find", "send", "find");
    }

    [Fact]
    public async Task AFailureThatCannotHaveLanded_EndsAtOnce_WithoutAsking()
    {
        var write = Write(_ => null) with { Send = _ => throw new InvalidOperationException("refused") };

        var sending = () => LandedCheck.SendAsync(write, _time, CancellationToken.None);

        await sending.Should().ThrowAsync<InvalidOperationException>();
        _calls.Should().BeEmpty();
    }

    [Fact]
    public async Task GivingUp_CanEndWithTheCallersOwnException_AndMaySendAgainCanStopEarly()
    {
        var write = Write(_ => null) with
        {
            MaySendAgain = _ => false,
            GiveUp = (attempts, e) => new TimeoutException($"failed {attempts} times: {e.Message}"),
        };

        var sending = () => LandedCheck.SendAsync(write, _time, CancellationToken.None);

        var thrown = await sending.Should().ThrowAsync<TimeoutException>();
        thrown.Which.Message.Should().Be("failed 1 times: connection reset");
        _calls.Should().Equal("send", "find");
    }
}
