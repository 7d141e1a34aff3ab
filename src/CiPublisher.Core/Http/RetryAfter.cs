using System.Net.Http.Headers;

namespace CiPublisher.Core.Http;

public static class RetryAfter
{
    /// <summary>The wait a response asks for (delta seconds or an HTTP date), or null.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time) => Of(response.Headers.RetryAfter, time);

    public static TimeSpan? Of(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
