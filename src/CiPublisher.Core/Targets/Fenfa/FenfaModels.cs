using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.Fenfa;

// Fenfa's wire model (contracts/fenfa.md §2–3): snake_case names, only the fields the client uses.

public sealed record FenfaProductRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("published")] bool Published);

public sealed record FenfaPublishedRequest([property: JsonPropertyName("published")] bool Published);

public sealed record FenfaVariantRequest(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("identifier")] string? Identifier,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("arch")] string? Arch,
    [property: JsonPropertyName("installer_type")] string InstallerType,
    [property: JsonPropertyName("min_os")] string? MinOs,
    [property: JsonPropertyName("published")] bool Published);

public sealed record FenfaProduct
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("slug")] public string Slug { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("published")] public bool Published { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
}

public sealed record FenfaProductList
{
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("items")] public List<FenfaProduct> Items { get; init; } = [];
}

public sealed record FenfaVariant
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("product_id")] public string ProductId { get; init; } = "";
    [JsonPropertyName("platform")] public string Platform { get; init; } = "";
    [JsonPropertyName("identifier")] public string? Identifier { get; init; }
    [JsonPropertyName("arch")] public string? Arch { get; init; }
    [JsonPropertyName("installer_type")] public string? InstallerType { get; init; }
    [JsonPropertyName("published")] public bool Published { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("releases")] public List<FenfaRelease>? Releases { get; init; }
}

public sealed record FenfaRelease
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("build")] public long Build { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("actions")] public Dictionary<string, string>? Actions { get; init; }
}

/// <summary><c>data</c> of GET /admin/api/products/{id}: the product and its variants with their releases.</summary>
public sealed record FenfaProductDetail
{
    [JsonPropertyName("product")] public FenfaProduct? Product { get; init; }
    [JsonPropertyName("variants")] public List<FenfaVariant> Variants { get; init; } = [];
}

public sealed record FenfaVariantStats
{
    [JsonPropertyName("product")] public FenfaProduct? Product { get; init; }
    [JsonPropertyName("variant")] public FenfaVariant? Variant { get; init; }
    [JsonPropertyName("releases")] public List<FenfaRelease> Releases { get; init; } = [];
}

public sealed record FenfaCreatedProduct([property: JsonPropertyName("product")] FenfaProduct? Product);

public sealed record FenfaCreatedVariant([property: JsonPropertyName("variant")] FenfaVariant? Variant);

public sealed record FenfaUploadResult
{
    [JsonPropertyName("release")] public FenfaRelease? Release { get; init; }
    [JsonPropertyName("urls")] public Dictionary<string, string> Urls { get; init; } = [];
}

/// <summary><c>data</c> of GET /admin/api/settings: what the server builds its links from (contract §7, O.1).</summary>
public sealed record FenfaServerSettings
{
    [JsonPropertyName("primary_domain")] public string? PrimaryDomain { get; init; }
    [JsonPropertyName("secondary_domains")] public List<string>? SecondaryDomains { get; init; }
}

/// <summary>One page of <c>GET /admin/api/ios_devices</c> (contract §6.1).</summary>
public sealed record FenfaDevicePage
{
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("items")] public List<FenfaDevice> Items { get; init; } = [];
}

public sealed record FenfaDevice
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("udid")] public string? Udid { get; init; }
    [JsonPropertyName("device_name")] public string? DeviceName { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
}
