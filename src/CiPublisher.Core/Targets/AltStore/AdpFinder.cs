using System.Net;
using System.Text;
using System.Text.Json;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// <c>altstore-adp-id: auto</c>: the ADP of the version being released, found in App Store Connect by the IPA's bundle ID
/// (compared exactly) and version (iOS only). A package that does not exist yet is created when the version is
/// approved, or waited for (Apple may generate it by itself), within <c>altstore-wait-timeout</c>.
/// </summary>
public sealed class AdpFinder(IAppStoreConnectDistributionApi api, SecretRegistry secrets, TimeProvider time, ILogger<AdpFinder> logger)
{
    /// <summary>The states in which Apple makes a package (contract §11.4); before them, there is nothing to wait for.</summary>
    private static readonly string[] Approved = ["PENDING_DEVELOPER_RELEASE", "PENDING_APPLE_RELEASE", "READY_FOR_DISTRIBUTION", "PROCESSING_FOR_DISTRIBUTION"];

    public sealed record Found(string AdpId, bool Created);

    public async Task<Found> FindAsync(string bundleId, string version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var app = await AppIdAsync(bundleId, cancellationToken);
        var (versionId, state) = await VersionAsync(app, bundleId, version, cancellationToken);
        var deadline = time.GetUtcNow() + timeout;
        // The same waits as AltStore's processing: Apple makes a package in minutes.
        var schedule = new PollSchedule(Random.Shared);
        var triedToCreate = false;
        while (true)
        {
            if (await PackageAsync(versionId, cancellationToken) is { } existing) return new Found(existing, false);
            if (!triedToCreate && Approved.Contains(state))
            {
                triedToCreate = true;
                if (await CreateAsync(versionId, state, version, cancellationToken) is { } created) return new Found(created, true);
            }
            else if (!Approved.Contains(state))
            {
                throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.Rejected,
                    $"{bundleId} {version} is {state ?? "in an unknown state"} in App Store Connect: Apple makes its alternative distribution package " +
                    "once the version is approved for distribution (notarized). Submit it for notarization, then run again; " +
                    "also check that the Account Holder accepted the Alternative Terms Addendum");
            }
            var now = time.GetUtcNow();
            if (now >= deadline)
                throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.Transport,
                    $"no alternative distribution package appeared for {bundleId} {version} within {Readable.Duration(timeout)} (altstore-wait-timeout)");
            var wait = Min(schedule.Next(), deadline - now);
            logger.LogInformation("App Store Connect: no package for {Bundle} {Version} yet; looking again in {Seconds:0}s", bundleId, version, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task<string> AppIdAsync(string bundleId, CancellationToken cancellationToken)
    {
        using var json = await ReadAsync(await Call(() => api.FindApps(bundleId, 200, cancellationToken)), cancellationToken);
        // The filter is not exact (contract §11.1): a look-alike may come first.
        foreach (var app in Data(json))
        {
            if (Attribute(app, "bundleId") == bundleId && Text(app, "id") is { } id) return id;
        }
        throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.NotFound,
            $"no app with bundle ID {bundleId} in App Store Connect for this API key's team (altstore-adp-id: auto)");
    }

    private async Task<(string Id, string? State)> VersionAsync(string appId, string bundleId, string version, CancellationToken cancellationToken)
    {
        using var json = await ReadAsync(await Call(() => api.FindVersions(appId, "IOS", version, 200, cancellationToken)), cancellationToken);
        foreach (var entry in Data(json))
        {
            if (Attribute(entry, "versionString") == version && Attribute(entry, "platform") == "IOS" && Text(entry, "id") is { } id)
                return (id, Attribute(entry, "appVersionState") ?? Attribute(entry, "appStoreState"));
        }
        throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.NotFound,
            $"{bundleId} has no iOS App Store version {version} in App Store Connect: create the version there (or give version)");
    }

    /// <summary>The package's ID, or null while there is none (404 or <c>{"data": null}</c>: Apple answers either).</summary>
    private async Task<string?> PackageAsync(string versionId, CancellationToken cancellationToken)
    {
        var response = await Call(() => api.GetPackage(versionId, cancellationToken));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        using var json = await ReadAsync(response, cancellationToken);
        return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null;
    }

    private async Task<string?> CreateAsync(string versionId, string? state, string version, CancellationToken cancellationToken)
    {
        var body = "{\"data\":{\"type\":\"alternativeDistributionPackages\",\"relationships\":{\"appStoreVersion\":{\"data\":" +
                   "{\"type\":\"appStoreVersions\",\"id\":\"" + JsonEncodedText.Encode(versionId) + "\"}}}}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Call(() => api.CreatePackage(content, cancellationToken));
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            // Already made (by Apple, or by our own answer that was lost): the next look finds it. Otherwise Apple's reason.
            var refusal = await AppStoreConnectErrors.TranslateAsync(response, secrets, cancellationToken);
            response.Dispose();
            if (refusal.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)) return null;
            throw new RemoteServiceException(AppStoreConnectErrors.Service, refusal.Kind,
                $"App Store Connect refused to make the alternative distribution package of {version} (state {state}): {refusal.Message}",
                refusal.StatusCode, refusal.Code, inner: refusal);
        }
        using var json = await ReadAsync(response, cancellationToken);
        logger.LogInformation("App Store Connect: created the alternative distribution package of {Version}", version);
        return json.RootElement.TryGetProperty("data", out var data) ? Text(data, "id") : null;
    }

    private async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw await AppStoreConnectErrors.TranslateAsync(response, secrets, cancellationToken);
            try
            {
                return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.Server,
                    $"{AppStoreConnectErrors.Service} answered something that is not JSON ({e.Message})", (int)response.StatusCode);
            }
        }
    }

    private Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> send) => ServiceCall.SendAsync(AppStoreConnectErrors.Service, send, secrets);

    private static List<JsonElement> Data(JsonDocument json) =>
        json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray()] : [];

    private static string? Attribute(JsonElement resource, string name) =>
        resource.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object ? Text(attributes, name) : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
