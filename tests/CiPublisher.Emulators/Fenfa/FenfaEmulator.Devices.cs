using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §6.1: <c>GET /admin/api/ios_devices</c>.</summary>
public sealed partial class FenfaEmulator
{
    private Task ListDevicesAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        if (DatabaseDown) return FenfaJson.OkAsync(context, new { Total = 0, Items = Array.Empty<object>() });

        var query = context.Request.Query;
        var matches = SqlLike.Contains(query["q"]);
        var variantId = query["variant_id"].ToString();
        var appId = query["app_id"].ToString();
        var from = Clock.ParseDay(query["from"]);
        var to = Clock.ParseDay(query["to"])?.AddDays(1);
        // "default 100, max 1000": a larger limit is cut to 1000, a non-positive one gives the default.
        var limit = IntQuery(query["limit"], 100, 1, 1000, clamp: true);
        if (limit < 1) limit = 100;
        var offset = Math.Max(0, IntQuery(query["offset"], 0, 0, int.MaxValue, clamp: false));
        var legacyAppVariants = appId.Length == 0
            ? []
            : _store.Variants.Where(v => v.LegacyAppId == appId).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);

        var all = _store.Devices
            .Where(d => matches(d.Udid) || matches(d.DeviceName) || matches(d.Model) || matches(d.OsVersion))
            .Where(d => variantId.Length == 0 || d.VariantIds.Contains(variantId))
            .Where(d => appId.Length == 0 || d.VariantIds.Any(legacyAppVariants.Contains))
            .Where(d => (from is not { } f || d.CreatedAt >= f) && (to is not { } t || d.CreatedAt < t))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Sequence)
            .ToList();
        var items = all.Skip(offset).Take(limit).Select(d => new
        {
            d.Id, d.Udid, d.DeviceName, d.Model, d.OsVersion,
            CreatedAt = Clock.ToJson(d.CreatedAt),
            VerifiedAt = d.VerifiedAt is { } verified ? Clock.ToJson(verified) : null,
            d.AppleRegistered,
            AppleRegisteredAt = d.AppleRegisteredAt is { } registered ? Clock.ToJson(registered) : null,
            d.AppleDeviceId,
        });
        return FenfaJson.OkAsync(context, new { Total = all.Count, Items = items });
    }
}
