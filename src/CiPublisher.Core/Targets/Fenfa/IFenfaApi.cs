using CiPublisher.Core.Http;
using Refit;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Fenfa's routes (contracts/fenfa.md). Answers are read as raw responses because Fenfa mixes its JSON
/// envelope with plain-text 404s and proxy HTML pages; <see cref="FenfaResponses"/> reads them defensively.
/// </summary>
public interface IFenfaApi
{
    [Get("/admin/api/products")]
    Task<HttpResponseMessage> ListProducts(string q, int limit, int offset, CancellationToken cancellationToken);

    [Post("/admin/api/products")]
    Task<HttpResponseMessage> CreateProduct([Body] FenfaProductRequest product, CancellationToken cancellationToken);

    [Get("/admin/api/products/{productId}")]
    Task<HttpResponseMessage> GetProduct(string productId, CancellationToken cancellationToken);

    [Put("/admin/api/products/{productId}")]
    Task<HttpResponseMessage> UpdateProduct(string productId, [Body] FenfaPublishedRequest update, CancellationToken cancellationToken);

    [Delete("/admin/api/products/{productId}")]
    Task<HttpResponseMessage> DeleteProduct(string productId, CancellationToken cancellationToken);

    [Post("/admin/api/products/{productId}/variants")]
    Task<HttpResponseMessage> CreateVariant(string productId, [Body] FenfaVariantRequest variant, CancellationToken cancellationToken);

    [Put("/admin/api/variants/{variantId}")]
    Task<HttpResponseMessage> UpdateVariant(string variantId, [Body] FenfaPublishedRequest update, CancellationToken cancellationToken);

    [Delete("/admin/api/variants/{variantId}")]
    Task<HttpResponseMessage> DeleteVariant(string variantId, CancellationToken cancellationToken);

    [Get("/admin/api/variants/{variantId}/stats")]
    Task<HttpResponseMessage> GetVariantStats(string variantId, CancellationToken cancellationToken);

    /// <summary>The devices bound to one variant, or every device on the server without <paramref name="variantId"/>.</summary>
    [Get("/admin/api/ios_devices")]
    Task<HttpResponseMessage> ListDevices([AliasAs("variant_id")] string? variantId, int limit, int offset, CancellationToken cancellationToken);

    [Get("/admin/api/settings")]
    Task<HttpResponseMessage> GetSettings(CancellationToken cancellationToken);

    /// <summary>CSV (contract O.5): the only listing with each release's size and SHA-256.</summary>
    [Get("/admin/exports/releases.csv")]
    Task<HttpResponseMessage> ExportReleases([AliasAs("variant_id")] string variantId, CancellationToken cancellationToken);

    [Get("/api/products/{productIdOrSlug}")]
    Task<HttpResponseMessage> GetPublicProduct(string productIdOrSlug, CancellationToken cancellationToken);

    /// <summary>The upload, and the empty-form preflight (retry-safe: it creates nothing).</summary>
    [Post("/upload")]
    Task<HttpResponseMessage> Upload([Body] MultipartFormDataContent form,
        [Property(RequestMarks.TransferKey)] bool transfer, [Property(RequestMarks.RetrySafeKey)] bool retrySafe,
        CancellationToken cancellationToken);
}
