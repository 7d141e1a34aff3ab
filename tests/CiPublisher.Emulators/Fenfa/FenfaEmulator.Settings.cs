using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// Contract §7 and O.1: the settings the server builds its links from. Organization and primary domain are
/// required on every PUT, trailing slashes are trimmed, and leaving out the secondary domains resets them.
/// </summary>
public sealed partial class FenfaEmulator
{
    /// <summary>The settings' organization (required with every PUT, as the primary domain is).</summary>
    public string Organization { get; set; } = "Fenfa Distribution";

    private Task GetSettingsAsync(HttpContext context, IReadOnlyDictionary<string, string> _) =>
        FenfaJson.OkAsync(context, SettingsJson());

    private async Task PutSettingsAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        if (await FenfaJson.ReadAsync<SettingsPayload>(context) is not { } payload)
        {
            await FenfaJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Invalid request body");
            return;
        }
        var primary = Trim(payload.PrimaryDomain);
        if (primary.Length == 0)
        {
            await FenfaJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Primary domain is required");
            return;
        }
        if (string.IsNullOrEmpty(payload.Organization))
        {
            await FenfaJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "INVALID_REQUEST", "Organization is required");
            return;
        }
        PrimaryDomain = primary;
        SecondaryDomains = payload.SecondaryDomains?.Select(Trim).ToList() ?? [];
        Organization = payload.Organization;
        await FenfaJson.OkAsync(context, SettingsJson());
    }

    private object SettingsJson() => new
    {
        PrimaryDomain,
        SecondaryDomains,
        Organization,
        UpdatedAt = Clock.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        StorageType = "local",
        S3Configured = false,
        AppleConfigured = false,
    };

    private static string Trim(string? domain) => (domain ?? "").Trim().TrimEnd('/');

    private sealed record SettingsPayload(string? PrimaryDomain, List<string>? SecondaryDomains, string? Organization);
}
