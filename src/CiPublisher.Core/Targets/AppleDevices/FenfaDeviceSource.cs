using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Refit;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>The devices bound in Fenfa (<c>apple-devices-from-fenfa</c>), every page of them.</summary>
public sealed class FenfaDeviceSource(IFenfaDevicesApi api, SecretRegistry secrets)
{
    private const string Service = "Fenfa";

    public async Task<IReadOnlyList<DeviceRequest>> ReadAsync(CancellationToken cancellationToken)
    {
        var requests = new List<DeviceRequest>();
        var offset = 0;
        while (true)
        {
            var page = await PageAsync(offset, cancellationToken);
            var items = page.Items ?? [];
            foreach (var device in items.Where(d => !string.IsNullOrWhiteSpace(d.Udid)))
            {
                var name = FirstNonEmpty(device.DeviceName, device.Model);
                requests.Add(new DeviceRequest(device.Udid!, name, DevicePlatform.Ios, "Fenfa"));
            }
            offset += items.Count;
            if (items.Count == 0 || offset >= page.Total) return requests;
        }
    }

    private async Task<FenfaDevicePage> PageAsync(int offset, CancellationToken cancellationToken)
    {
        FenfaEnvelope<FenfaDevicePage> envelope;
        try
        {
            envelope = await api.ListDevicesAsync(IFenfaDevicesApi.MaxPageSize, offset, cancellationToken);
        }
        catch (ApiException e)
        {
            var error = ErrorOf(e.Content);
            var text = error is null ? $"HTTP {(int)e.StatusCode}" : $"HTTP {(int)e.StatusCode} {error.Code}: {error.Message}";
            var hint = (int)e.StatusCode == 403 ? " (reading devices needs a Fenfa admin token)" : "";
            throw new RemoteServiceException(Service, RemoteServiceException.KindOf((int)e.StatusCode),
                secrets.Redact($"Fenfa device list: {text}{hint}"), (int)e.StatusCode, error?.Code, inner: e);
        }
        if (!envelope.Ok || envelope.Data is null)
            throw new RemoteServiceException(Service, RemoteFailureKind.Server,
                secrets.Redact($"Fenfa device list: {envelope.Error?.Code ?? "no data"}: {envelope.Error?.Message}"), code: envelope.Error?.Code);
        return envelope.Data;
    }

    private static FenfaError? ErrorOf(string? content)
    {
        try
        {
            return string.IsNullOrWhiteSpace(content) ? null
                : JsonSerializer.Deserialize(content, HttpClientRegistration.JsonTypeOf<FenfaEnvelope<JsonElement>>())?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
