using System.Security.Cryptography;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Test-facing shortcuts that put rows in the tables without going through HTTP.</summary>
public sealed partial class FenfaEmulator
{
    /// <summary>Adds a product. The slug is normalized (from the name when null) and moved on to <c>-2</c> when taken, as on create.</summary>
    public FenfaProduct SeedProduct(string name, string? slug = null, bool published = true, string description = "",
        DateTimeOffset? createdAt = null)
    {
        var (at, sequence) = Stamp(createdAt);
        return _store.AddProduct(new FenfaProduct
        {
            Id = FenfaIds.Product(),
            Slug = SlugFor(name, slug),
            Name = name,
            Description = description,
            Published = published,
            CreatedAt = at,
            UpdatedAt = at,
            Sequence = sequence,
        });
    }

    /// <summary>Adds a variant to a seeded product; <paramref name="displayName"/> defaults to the product's name.</summary>
    public FenfaVariant SeedVariant(string productId, string platform, string identifier = "", string? displayName = null,
        string minOs = "", bool published = true, string arch = "", string installerType = "", int sortOrder = 0,
        string? legacyAppId = null, DateTimeOffset? createdAt = null)
    {
        var product = _store.Product(productId) ?? throw new ArgumentException($"No product {productId}.", nameof(productId));
        var (at, sequence) = Stamp(createdAt);
        return _store.AddVariant(new FenfaVariant
        {
            Id = FenfaIds.Variant(),
            ProductId = productId,
            Platform = platform,
            Identifier = identifier,
            LegacyAppId = legacyAppId,
            DisplayName = displayName ?? product.Name,
            Arch = arch,
            InstallerType = installerType,
            MinOs = minOs,
            Published = published,
            SortOrder = sortOrder,
            CreatedAt = at,
            UpdatedAt = at,
            Sequence = sequence,
        }) ?? throw new InvalidOperationException($"Product {productId} was deleted meanwhile.");
    }

    /// <summary>
    /// Adds a release with the given bytes stored on disk (a small non-empty zip signature by default), as if
    /// uploaded. <paramref name="fileName"/> is the client's file name; its extension is kept when it has one.
    /// </summary>
    public FenfaRelease SeedRelease(string variantId, string version, long build, byte[]? content = null, string? fileName = null,
        string channel = "", string changelog = "", string? minOs = null, long downloadCount = 0, DateTimeOffset? createdAt = null)
    {
        var variant = _store.Variant(variantId) ?? throw new ArgumentException($"No variant {variantId}.", nameof(variantId));
        var extension = fileName is null
            ? FenfaPlatforms.DefaultExtension(variant.Platform)
            : FenfaPlatforms.MatchExtension(variant.Platform, fileName) ?? Path.GetExtension(fileName).ToLowerInvariant();
        var bytes = content ?? "PK\u0005\u0006"u8.ToArray();
        var (at, sequence) = Stamp(createdAt);
        var id = FenfaIds.Release();
        var path = StoragePath(variant, id, extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        var release = new FenfaRelease
        {
            Id = id,
            ProductId = variant.ProductId,
            VariantId = variantId,
            Version = version,
            Build = build,
            Channel = channel,
            MinOs = minOs ?? variant.MinOs,
            Changelog = changelog,
            FileExt = extension,
            FileName = "app" + extension,
            ClientFileName = fileName ?? "app" + extension,
            StoredPath = path,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            SizeBytes = bytes.Length,
            DownloadCount = downloadCount,
            CreatedAt = at,
            Sequence = sequence,
            Source = "seed",
        };
        if (!_store.AddRelease(release)) throw new InvalidOperationException($"Variant {variantId} was deleted meanwhile.");
        return release;
    }

    /// <summary>Adds an iOS device as if a phone had installed the UDID profile (for the device listing, §6.1).</summary>
    public FenfaDevice AddDevice(string udid, string name = "", string model = "", string osVersion = "",
        IReadOnlyList<string>? variantIds = null, bool appleRegistered = false, string appleDeviceId = "",
        DateTimeOffset? createdAt = null)
    {
        var (at, sequence) = Stamp(createdAt);
        return _store.AddDevice(new FenfaDevice
        {
            Id = FenfaIds.Device(),
            Udid = udid,
            DeviceName = name,
            Model = model,
            OsVersion = osVersion,
            VariantIds = variantIds ?? [],
            CreatedAt = at,
            VerifiedAt = at,
            AppleRegistered = appleRegistered,
            AppleRegisteredAt = appleRegistered ? at : null,
            AppleDeviceId = appleDeviceId,
            Sequence = sequence,
        });
    }

    private (DateTimeOffset At, long Sequence) Stamp(DateTimeOffset? at) =>
        at is { } given ? (given, Clock.NextSequence()) : Clock.Next();

    private static string SlugFor(string name, string? slug)
    {
        var normalized = FenfaSlug.Normalize(string.IsNullOrEmpty(slug) ? name : slug);
        if (normalized.Length == 0) normalized = FenfaSlug.Normalize(name);
        return normalized.Length == 0 ? "product" : normalized;
    }

    /// <summary><c>uploads/&lt;product&gt;/&lt;variant&gt;/&lt;release&gt;/app&lt;ext&gt;</c>, as the server lays files out.</summary>
    private string StoragePath(FenfaVariant variant, string releaseId, string extension) =>
        Path.Combine(UploadsDirectory, variant.ProductId, variant.Id, releaseId, "app" + extension);
}
