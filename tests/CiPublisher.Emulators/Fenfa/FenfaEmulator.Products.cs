using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §3.1–3.5: products under <c>/admin/api/products</c>.</summary>
public sealed partial class FenfaEmulator
{
    private Task ListProductsAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        // On a database error the real handler still answers 200 with an empty list (pitfall 12).
        if (DatabaseDown) return FenfaJson.OkAsync(context, new { Total = 0, Items = Array.Empty<object>() });

        var query = context.Request.Query;
        var matches = SqlLike.Contains(query["q"]);
        var limit = IntQuery(query["limit"], 200, 1, 1000, clamp: false);
        var offset = Math.Max(0, IntQuery(query["offset"], 0, 0, int.MaxValue, clamp: false));
        var all = _store.Products
            .Where(p => matches(p.Name) || matches(p.Slug))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Sequence)
            .ToList();
        var items = all.Skip(offset).Take(limit).Select(p => new
        {
            p.Id, p.Slug, p.Name, p.Published,
            VariantCount = _store.VariantCount(p.Id),
            CreatedAt = Clock.ToJson(p.CreatedAt),
            UpdatedAt = Clock.ToJson(p.UpdatedAt),
        });
        return FenfaJson.OkAsync(context, new { Total = all.Count, Items = items });
    }

    private async Task CreateProductAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        var payload = await FenfaJson.ReadAsync<ProductPayload>(context);
        var name = payload?.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            await FenfaJson.BadRequestAsync(context, "invalid product payload");
            return;
        }
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }

        var (at, sequence) = Clock.Next();
        // An existing slug is not an error: the store moves it on to slug-2, slug-3, ... (contract §3.2).
        var product = _store.AddProduct(new FenfaProduct
        {
            Id = FenfaIds.Product(),
            Slug = SlugFor(name, payload!.Slug),
            Name = name,
            Description = payload.Description ?? "",
            Published = payload.Published ?? true,
            CreatedAt = at,
            UpdatedAt = at,
            Sequence = sequence,
        });
        await FenfaJson.OkAsync(context, new { Product = ProductJson(product) }, StatusCodes.Status201Created);
    }

    private async Task GetProductAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
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
        var variants = _store.VariantsOf(product.Id).Select(v => new
        {
            v.Id, v.Platform, v.Identifier, v.LegacyAppId, v.DisplayName, v.Arch, v.InstallerType, v.MinOs, v.Published, v.SortOrder,
            Releases = _store.ReleasesOf(v.Id).Select(AdminReleaseJson),
        });
        await FenfaJson.OkAsync(context, new { Product = ProductJson(product), Variants = variants });
    }

    private async Task UpdateProductAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        var id = route["productID"];
        if (_store.Product(id) is null)
        {
            await FenfaJson.NotFoundAsync(context, "product not found");
            return;
        }
        if (await FenfaJson.ReadAsync<ProductPayload>(context) is not { } payload)
        {
            await FenfaJson.BadRequestAsync(context, "invalid product payload");
            return;
        }

        string? slug = null;
        if (!string.IsNullOrEmpty(payload.Slug))
        {
            slug = FenfaSlug.Normalize(payload.Slug);
            if (slug.Length == 0)
            {
                await FenfaJson.BadRequestAsync(context, "invalid slug");
                return;
            }
            // Unlike create, an update does not move a taken slug on (contract §3.4).
            if (_store.SlugTakenByOther(slug, id))
            {
                await FenfaJson.BadRequestAsync(context, "slug already exists");
                return;
            }
        }

        var (now, _) = Clock.Next();
        var updated = _store.UpdateProduct(id, p => p with
        {
            // Empty strings are ignored: a description cannot be cleared this way.
            Name = string.IsNullOrEmpty(payload.Name) ? p.Name : payload.Name,
            Slug = slug ?? p.Slug,
            Description = string.IsNullOrEmpty(payload.Description) ? p.Description : payload.Description,
            Published = payload.Published ?? p.Published,
            UpdatedAt = now,
        });
        if (updated is null) await FenfaJson.NotFoundAsync(context, "product not found");
        else await FenfaJson.OkAsync(context, new { Product = ProductJson(updated) });
    }

    private async Task DeleteProductAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.RemoveProduct(route["productID"]) is not { } releases)
        {
            await FenfaJson.NotFoundAsync(context, "product not found");
            return;
        }
        DeleteFiles(releases);
        await FenfaJson.OkAsync(context, null);
    }

    private object ProductJson(FenfaProduct p) => new
    {
        p.Id, p.Slug, p.Name, p.Description, p.Published,
        CreatedAt = Clock.ToJson(p.CreatedAt),
        UpdatedAt = Clock.ToJson(p.UpdatedAt),
    };

    private object AdminReleaseJson(FenfaRelease r) => new
    {
        r.Id, r.Version, r.Build,
        CreatedAt = Clock.ToJson(r.CreatedAt),
        r.DownloadCount, r.Channel, r.MinOs, r.Changelog, r.FileExt, r.FileName,
    };

    private static void DeleteFiles(IEnumerable<FenfaRelease> releases)
    {
        foreach (var release in releases)
        {
            if (File.Exists(release.StoredPath)) File.Delete(release.StoredPath);
        }
    }

    /// <summary>
    /// A paging parameter: absent or unparsable gives the default; out of range gives the default, or the
    /// bound when <paramref name="clamp"/> is set.
    /// </summary>
    private static int IntQuery(string? text, int fallback, int min, int max, bool clamp)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return fallback;
        if (value >= min && value <= max) return value;
        return clamp ? Math.Clamp(value, min, max) : fallback;
    }
}
