using System.Globalization;
using System.Text.Json;
using CiPublisher.Emulators.Hosting;

namespace CiPublisher.Emulators.GitHub;

/// <summary>GitHub's rate-limit answers, shaped as GitHub sends them, to inject with <see cref="EmulatorHost.Faults"/>.</summary>
public static class GitHubFaults
{
    /// <summary>The primary limit: 403 (or 429) with no requests remaining until <paramref name="resetAt"/>.</summary>
    public static Fault PrimaryRateLimit(string method, string path, DateTimeOffset resetAt, int status = 403) =>
        Fault.Status(method, path, status,
            GitHubErrorBody.Of("API rate limit exceeded for installation ID 4242.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"),
            headers: new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5000",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Used"] = "5000",
                ["X-RateLimit-Reset"] = resetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Resource"] = "core",
            });

    /// <summary>A secondary limit: 403 (or 429) with Retry-After, while the primary quota is not used up.</summary>
    public static Fault SecondaryRateLimit(string method, string path, int retryAfterSeconds, int status = 403) =>
        Fault.Status(method, path, status,
            GitHubErrorBody.Of("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"),
            headers: new Dictionary<string, string>
            {
                ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = "4000",
            });
}

/// <summary>GitHub's error body: <c>{"message": …, "documentation_url": …}</c>, with <c>errors</c> for 422.</summary>
public static class GitHubErrorBody
{
    public static string Of(string message, string documentationUrl, object[]? errors = null) =>
        JsonSerializer.Serialize(errors is null
            ? new Dictionary<string, object> { ["message"] = message, ["documentation_url"] = documentationUrl }
            : new Dictionary<string, object> { ["message"] = message, ["errors"] = errors, ["documentation_url"] = documentationUrl });
}
