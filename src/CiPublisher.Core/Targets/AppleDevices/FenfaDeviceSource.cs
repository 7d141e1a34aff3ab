using System.Text.Json;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.Fenfa;
using Refit;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// The devices bound in Fenfa to this product's iOS variants (<c>apple-devices-from-fenfa</c>), every page of them.
/// Devices bound only to other products are left out and counted: each registration spends a yearly device slot.
/// </summary>
public sealed class FenfaDeviceSource(IFenfaDevicesApi api, FenfaClient fenfa, RunSettings settings, SecretRegistry secrets)
{
    private const string Service = "Fenfa";

    public sealed record Devices(IReadOnlyList<DeviceRequest> Requests, int LeftOut, string Owner);

    private FenfaSettings Fenfa => settings.Fenfa!;

    public async Task<Devices> ReadAsync(CancellationToken cancellationToken)
    {
        string owner;
        IReadOnlyList<string> variantIds;
        try
        {
            (owner, variantIds) = await VariantsAsync(cancellationToken);
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Permission)
        {
            throw new RemoteServiceException(Service, e.Kind,
                $"{e.Message} (apple-devices-from-fenfa reads products and devices: it needs a Fenfa admin token as fenfa-token)",
                e.StatusCode, e.Code, inner: e);
        }
        var byUdid = new Dictionary<string, DeviceRequest>(StringComparer.Ordinal);
        foreach (var variantId in variantIds)
        {
            await foreach (var device in AllAsync(variantId, cancellationToken))
            {
                var name = FirstNonEmpty(device.DeviceName, device.Model);
                byUdid.TryAdd(Udid.Key(device.Udid!), new DeviceRequest(device.Udid!, name, DevicePlatform.Ios, "Fenfa"));
            }
        }
        var onServer = (await PageAsync(null, 1, 0, cancellationToken)).Total;
        return new Devices([.. byUdid.Values], Math.Max(0, onServer - byUdid.Count), owner);
    }

    /// <summary>The iOS variants whose devices are taken: fenfa-variant-id, or every iOS variant of fenfa-product.</summary>
    private async Task<(string Owner, IReadOnlyList<string> VariantIds)> VariantsAsync(CancellationToken cancellationToken)
    {
        if (Fenfa.VariantId is { } variantId) return ($"variant {variantId}", [variantId]);
        var slug = FenfaSlug.Normalize(Fenfa.Product!);
        var ids = new List<string>();
        foreach (var product in await fenfa.FindProductsAsync(slug, cancellationToken))
        {
            var detail = await fenfa.GetProductAsync(product.Id, cancellationToken);
            ids.AddRange(detail.Variants.Where(v => v.Platform == "ios").Select(v => v.Id));
        }
        return ($"product '{slug}'", ids);
    }

    private async IAsyncEnumerable<FenfaDevice> AllAsync(string variantId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            var page = await PageAsync(variantId, IFenfaDevicesApi.MaxPageSize, offset, cancellationToken);
            var items = page.Items ?? [];
            foreach (var device in items.Where(d => !string.IsNullOrWhiteSpace(d.Udid))) yield return device;
            offset += items.Count;
            if (items.Count == 0 || offset >= page.Total) yield break;
        }
    }

    private async Task<FenfaDevicePage> PageAsync(string? variantId, int limit, int offset, CancellationToken cancellationToken)
    {
        FenfaEnvelope<FenfaDevicePage> envelope;
        try
        {
            envelope = await api.ListDevicesAsync(variantId, limit, offset, cancellationToken);
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
