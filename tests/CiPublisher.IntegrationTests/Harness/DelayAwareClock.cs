using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.IntegrationTests.Harness;

/// <summary>
/// A fake clock that knows which of its timers are waits the code sits out (<c>Task.Delay</c>'s: their state is the
/// delay's task), so a test moves time straight to the next of them the moment one is pending: no pause in real time,
/// no step to choose. Deadlines (a <see cref="CancellationTokenSource"/>'s timer) and periodic checks (the upload
/// watchdog) are never moved to; they fire when time passes them on its way to a wait, as they would in a real run.
/// A delay raced against work (<c>Task.WhenAny</c>) would win at once here; the program has none, and must not grow one
/// without a test clock that knows it.
/// </summary>
public sealed class DelayAwareClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(Task Wait, DateTimeOffset Due)> _waits = [];
    private TaskCompletionSource _waitBegun = NewSignal();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (state is Task wait && period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _waits.Add((wait, GetUtcNow() + dueTime));
                _waitBegun.TrySetResult();
            }
        }
        return timer;
    }

    /// <summary>Moves time on to each wait <paramref name="task"/> sits out until it ends; says how far time moved.</summary>
    public async Task<TimeSpan> AdvanceUntilDoneAsync(Task task)
    {
        var started = GetUtcNow();
        // Real time, only so that a run waiting on something no wait will bring fails its test instead of hanging.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var givenUp = Task.Delay(Timeout.Infinite, patience.Token);
        while (!task.IsCompleted && !givenUp.IsCompleted)
        {
            if (NextWait() is { } due) Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
            else await Task.WhenAny(task, WaitBegun(), givenUp);
        }
        task.IsCompleted.Should().BeTrue("the run should end as its waits pass (it waited on something else for 60 s of real time)");
        return GetUtcNow() - started;
    }

    /// <summary><see cref="AdvanceUntilDoneAsync"/>, then the task's result.</summary>
    public async Task<T> RunUntilDoneAsync<T>(Task<T> task)
    {
        await AdvanceUntilDoneAsync(task);
        return await task;
    }

    private DateTimeOffset? NextWait()
    {
        lock (_gate)
        {
            _waits.RemoveAll(w => w.Wait.IsCompleted);
            return _waits.Count == 0 ? null : _waits.Min(w => w.Due);
        }
    }

    /// <summary>Completes when a wait begins after this call (or began since the last signal was taken).</summary>
    private Task WaitBegun()
    {
        lock (_gate)
        {
            if (_waitBegun.Task.IsCompleted && _waits.TrueForAll(w => w.Wait.IsCompleted)) _waitBegun = NewSignal();
            return _waitBegun.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
