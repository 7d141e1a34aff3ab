using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.IntegrationTests.AltStore;

public static class FakeClock
{
    /// <summary>
    /// Moves fake time forward in small steps until the task completes. Between steps it waits (briefly, in real
    /// time) for the task itself, so loopback requests in flight finish before the clock moves on.
    /// </summary>
    public static async Task<T> RunUntilDoneAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        var stepSize = step ?? TimeSpan.FromSeconds(2);
        var budget = TimeSpan.FromSeconds(60);
        var started = DateTime.UtcNow;
        while (!task.IsCompleted && DateTime.UtcNow - started < budget)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5)));
            if (!task.IsCompleted) time.Advance(stepSize);
        }
        task.IsCompleted.Should().BeTrue("the operation should finish as fake time passes");
        return await task;
    }
}
