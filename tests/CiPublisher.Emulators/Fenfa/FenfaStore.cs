namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// Fenfa's tables in memory. Rows are immutable records replaced on update; one lock guards all of them,
/// which is what SQLite's single writer gives the real server.
/// </summary>
internal sealed class FenfaStore(FenfaClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FenfaProduct> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FenfaVariant> _variants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FenfaRelease> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FenfaDevice> _devices = new(StringComparer.Ordinal);

    public FenfaClock Clock { get; } = clock;

    public IReadOnlyList<FenfaProduct> Products
    {
        get { lock (_gate) return [.. _products.Values.OrderBy(p => p.Sequence)]; }
    }

    public IReadOnlyList<FenfaVariant> Variants
    {
        get { lock (_gate) return [.. _variants.Values.OrderBy(v => v.Sequence)]; }
    }

    public IReadOnlyList<FenfaRelease> Releases
    {
        get { lock (_gate) return [.. _releases.Values.OrderBy(r => r.Sequence)]; }
    }

    public IReadOnlyList<FenfaDevice> Devices
    {
        get { lock (_gate) return [.. _devices.Values.OrderBy(d => d.Sequence)]; }
    }

    public FenfaProduct? Product(string id)
    {
        lock (_gate) return _products.GetValueOrDefault(id);
    }

    public FenfaProduct? ProductBySlug(string slug)
    {
        lock (_gate) return _products.Values.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
    }

    public FenfaVariant? Variant(string id)
    {
        lock (_gate) return _variants.GetValueOrDefault(id);
    }

    public FenfaRelease? Release(string id)
    {
        lock (_gate) return _releases.GetValueOrDefault(id);
    }

    /// <summary>A product's variants by <c>sort_order</c>, then creation.</summary>
    public IReadOnlyList<FenfaVariant> VariantsOf(string productId)
    {
        lock (_gate)
        {
            return [.. _variants.Values.Where(v => v.ProductId == productId).OrderBy(v => v.SortOrder).ThenBy(v => v.Sequence)];
        }
    }

    /// <summary>A variant's releases, newest first.</summary>
    public IReadOnlyList<FenfaRelease> ReleasesOf(string variantId)
    {
        lock (_gate)
        {
            return [.. _releases.Values.Where(r => r.VariantId == variantId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Sequence)];
        }
    }

    public int VariantCount(string productId)
    {
        lock (_gate) return _variants.Values.Count(v => v.ProductId == productId);
    }

    /// <summary>Inserts a product, moving an existing slug on to <c>slug-2</c>, <c>slug-3</c>, ... (contract §3.2).</summary>
    public FenfaProduct AddProduct(FenfaProduct product)
    {
        lock (_gate)
        {
            var slug = product.Slug;
            for (var n = 2; _products.Values.Any(p => p.Slug == slug); n++) slug = $"{product.Slug}-{n}";
            var stored = product with { Slug = slug };
            _products[stored.Id] = stored;
            return stored;
        }
    }

    public bool SlugTakenByOther(string slug, string productId)
    {
        lock (_gate) return _products.Values.Any(p => p.Slug == slug && p.Id != productId);
    }

    public FenfaProduct? UpdateProduct(string id, Func<FenfaProduct, FenfaProduct> change)
    {
        lock (_gate)
        {
            if (!_products.TryGetValue(id, out var product)) return null;
            return _products[id] = change(product);
        }
    }

    /// <summary>Removes a product with its variants and releases; the removed releases, or null when unknown.</summary>
    public IReadOnlyList<FenfaRelease>? RemoveProduct(string id)
    {
        lock (_gate)
        {
            if (!_products.Remove(id)) return null;
            var removed = new List<FenfaRelease>();
            foreach (var variant in _variants.Values.Where(v => v.ProductId == id).ToList()) removed.AddRange(RemoveVariantLocked(variant.Id)!);
            return removed;
        }
    }

    public FenfaVariant? AddVariant(FenfaVariant variant)
    {
        lock (_gate)
        {
            if (!_products.ContainsKey(variant.ProductId)) return null;
            _variants[variant.Id] = variant;
            return variant;
        }
    }

    public FenfaVariant? UpdateVariant(string id, Func<FenfaVariant, FenfaVariant> change)
    {
        lock (_gate)
        {
            if (!_variants.TryGetValue(id, out var variant)) return null;
            return _variants[id] = change(variant);
        }
    }

    public IReadOnlyList<FenfaRelease>? RemoveVariant(string id)
    {
        lock (_gate) return RemoveVariantLocked(id);
    }

    private List<FenfaRelease>? RemoveVariantLocked(string id)
    {
        if (!_variants.Remove(id)) return null;
        var releases = _releases.Values.Where(r => r.VariantId == id).ToList();
        foreach (var release in releases) _releases.Remove(release.Id);
        return releases;
    }

    /// <summary>Inserts a release unless its variant disappeared meanwhile.</summary>
    public bool AddRelease(FenfaRelease release)
    {
        lock (_gate)
        {
            if (!_variants.ContainsKey(release.VariantId)) return false;
            _releases[release.Id] = release;
            return true;
        }
    }

    public FenfaRelease? RemoveRelease(string id)
    {
        lock (_gate) return _releases.Remove(id, out var release) ? release : null;
    }

    public void CountDownload(string releaseId)
    {
        lock (_gate)
        {
            if (_releases.TryGetValue(releaseId, out var release)) _releases[releaseId] = release with { DownloadCount = release.DownloadCount + 1 };
        }
    }

    public FenfaDevice AddDevice(FenfaDevice device)
    {
        lock (_gate) return _devices[device.Id] = device;
    }
}
