using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.IntegrationTests.Harness;

public static class FakeClockExtensions
{
    /// <summary>
    /// Moves fake time forward in steps until the task completes, and says how far it moved. Before each step it
    /// gives the task a moment in real time, so loopback requests in flight finish before the clock moves on.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilDoneAsync(this FakeTimeProvider time, Task task, TimeSpan step)
    {
        var moved = TimeSpan.Zero;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!deadline.IsCancellationRequested)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5)));
            if (task.IsCompleted) break;
            time.Advance(step);
            moved += step;
        }
        task.IsCompleted.Should().BeTrue("the operation should finish as fake time passes");
        return moved;
    }

    /// <summary><see cref="AdvanceUntilDoneAsync"/> for a task with a result (steps of 2 s unless told).</summary>
    public static async Task<T> RunUntilDoneAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await time.AdvanceUntilDoneAsync(task, step ?? TimeSpan.FromSeconds(2));
        return await task;
    }
}
