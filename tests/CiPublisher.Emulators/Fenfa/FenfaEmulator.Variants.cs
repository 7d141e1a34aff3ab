using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §3.6–3.7: variants. No uniqueness of any kind.</summary>
public sealed partial class FenfaEmulator
{
    private async Task CreateVariantAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        // The payload is checked before the product is looked up (Gin binds first).
        var payload = await FenfaJson.ReadAsync<VariantPayload>(context);
        if (string.IsNullOrWhiteSpace(payload?.Platform))
        {
            await FenfaJson.BadRequestAsync(context, "invalid variant payload");
            return;
        }
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.Product(route["productID"]) is not { } product)
        {
            await FenfaJson.NotFoundAsync(context, "product not found");
            return;
        }

        var (at, sequence) = Clock.Next();
        var variant = _store.AddVariant(new FenfaVariant
        {
            Id = FenfaIds.Variant(),
            ProductId = product.Id,
            // Stored as sent: "iOS" stays "iOS" (the server does not validate platforms).
            Platform = payload.Platform,
            Identifier = payload.Identifier ?? "",
            DisplayName = string.IsNullOrEmpty(payload.DisplayName) ? product.Name : payload.DisplayName,
            Arch = payload.Arch ?? "",
            InstallerType = payload.InstallerType ?? "",
            MinOs = payload.MinOs ?? "",
            Published = payload.Published ?? true,
            SortOrder = payload.SortOrder ?? 0,
            CreatedAt = at,
            UpdatedAt = at,
            Sequence = sequence,
        });
        if (variant is null) await FenfaJson.NotFoundAsync(context, "product not found");
        else await FenfaJson.OkAsync(context, new { Variant = VariantJson(variant) }, StatusCodes.Status201Created);
    }

    private async Task UpdateVariantAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        var id = route["variantID"];
        if (_store.Variant(id) is null)
        {
            await FenfaJson.NotFoundAsync(context, "variant not found");
            return;
        }
        if (await FenfaJson.ReadAsync<VariantPayload>(context) is not { } payload)
        {
            await FenfaJson.BadRequestAsync(context, "invalid variant payload");
            return;
        }
        var (now, _) = Clock.Next();
        var updated = _store.UpdateVariant(id, v => v with
        {
            Platform = Pick(payload.Platform, v.Platform),
            Identifier = Pick(payload.Identifier, v.Identifier),
            DisplayName = Pick(payload.DisplayName, v.DisplayName),
            Arch = Pick(payload.Arch, v.Arch),
            InstallerType = Pick(payload.InstallerType, v.InstallerType),
            MinOs = Pick(payload.MinOs, v.MinOs),
            Published = payload.Published ?? v.Published,
            SortOrder = payload.SortOrder ?? v.SortOrder,
            UpdatedAt = now,
        });
        if (updated is null) await FenfaJson.NotFoundAsync(context, "variant not found");
        else await FenfaJson.OkAsync(context, new { Variant = VariantJson(updated) });

        // Empty strings are ignored on update.
        static string Pick(string? sent, string current) => string.IsNullOrEmpty(sent) ? current : sent;
    }

    private async Task DeleteVariantAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.RemoveVariant(route["variantID"]) is not { } releases)
        {
            await FenfaJson.NotFoundAsync(context, "variant not found");
            return;
        }
        DeleteFiles(releases);
        await FenfaJson.OkAsync(context, null);
    }

    private static object VariantJson(FenfaVariant v) => new
    {
        v.Id, v.ProductId, v.Platform, v.Identifier, v.LegacyAppId, v.DisplayName, v.Arch, v.InstallerType, v.MinOs,
        v.Published, v.SortOrder,
    };
}
