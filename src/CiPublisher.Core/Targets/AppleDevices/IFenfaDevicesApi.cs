using Refit;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Fenfa's device list (Fenfa contract §6.1), admin scope.</summary>
public interface IFenfaDevicesApi
{
    /// <summary>Max page size 1000 (Fenfa contract §6.1).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The devices bound to one variant, or every device on the server when <paramref name="variantId"/> is null.</summary>
    [Get("/admin/api/ios_devices")]
    Task<FenfaEnvelope<FenfaDevicePage>> ListDevicesAsync([AliasAs("variant_id")] string? variantId, int limit, int offset,
        CancellationToken cancellationToken);
}

public sealed record FenfaEnvelope<T>(bool Ok, T? Data, FenfaError? Error);

public sealed record FenfaError(string? Code, string? Message);

public sealed record FenfaDevicePage(int Total, IReadOnlyList<FenfaDevice>? Items);

public sealed record FenfaDevice(
    string? Id,
    string? Udid,
    [property: System.Text.Json.Serialization.JsonPropertyName("device_name")] string? DeviceName,
    string? Model);
