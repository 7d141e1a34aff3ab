using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// The devices bound in Fenfa to this product's iOS variants (<c>apple-devices-from-fenfa</c>), every page of them.
/// Devices bound only to other products are left out and counted: each registration spends a yearly device slot.
/// </summary>
public sealed class FenfaDeviceSource(FenfaClient fenfa, FenfaSettings settings) : IDeviceSource
{
    public string Input => AppleInputs.DevicesFromFenfa.Name;

    public async Task<SourcedDevices> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (owner, variantIds) = await VariantsAsync(cancellationToken);
            var byUdid = new Dictionary<string, DeviceRequest>(StringComparer.Ordinal);
            foreach (var variantId in variantIds)
            {
                await foreach (var device in BoundToAsync(variantId, cancellationToken))
                {
                    var name = FirstNonEmpty(device.DeviceName, device.Model);
                    byUdid.TryAdd(Udid.Key(device.Udid!), new DeviceRequest(device.Udid!, name, DevicePlatform.Ios, "Fenfa"));
                }
            }
            var leftOut = Math.Max(0, (await fenfa.ListDevicesAsync(null, 1, 0, cancellationToken)).Total - byUdid.Count);
            var note = $"Fenfa: {byUdid.Count} device(s) bound to {owner} taken" + (leftOut > 0
                ? $"; {leftOut} other device(s) on the server (bound to other products, or to none) left out: each registration spends a yearly device slot."
                : ".");
            return new SourcedDevices([.. byUdid.Values], note);
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Permission)
        {
            throw new RemoteServiceException(FenfaResponses.Service, e.Kind,
                $"{e.Message} ({Input} reads products and devices: it needs a Fenfa admin token as fenfa-token)", e.StatusCode, e.Code, inner: e);
        }
    }

    /// <summary>The iOS variants whose devices are taken: fenfa-variant-id, or every iOS variant of fenfa-product.</summary>
    private async Task<(string Owner, IReadOnlyList<string> VariantIds)> VariantsAsync(CancellationToken cancellationToken)
    {
        if (settings.VariantId is { } variantId) return ($"variant {variantId}", [variantId]);
        var slug = FenfaSlug.Normalize(settings.Product!);
        var ids = new List<string>();
        foreach (var product in await fenfa.FindProductsAsync(slug, cancellationToken))
        {
            var detail = await fenfa.GetProductAsync(product.Id, cancellationToken);
            ids.AddRange(detail.Variants.Where(v => v.Platform == "ios").Select(v => v.Id));
        }
        return ($"product '{slug}'", ids);
    }

    private async IAsyncEnumerable<FenfaDevice> BoundToAsync(string variantId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            var page = await fenfa.ListDevicesAsync(variantId, FenfaClient.MaxDevicePage, offset, cancellationToken);
            foreach (var device in page.Items.Where(d => !string.IsNullOrWhiteSpace(d.Udid))) yield return device;
            offset += page.Items.Count;
            if (page.Items.Count == 0 || offset >= page.Total) yield break;
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
