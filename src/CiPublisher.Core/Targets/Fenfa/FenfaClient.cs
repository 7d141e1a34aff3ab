using System.Net;
using System.Net.Http.Headers;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>Fenfa operations in the client's terms, each answer read through <see cref="FenfaResponses"/>.</summary>
public sealed class FenfaClient(IFenfaApi api, SecretRegistry secrets)
{
    private const int PageSize = 200;

    // A Fenfa with more products than this matching one slug is not one we can reason about.
    private const int MaxPages = 50;

    /// <summary>
    /// Proves URL and token with a request that creates nothing: an empty upload form answers
    /// 400 "missing variant_id" for a good token and 401/403 for a bad one (contract pitfall 4).
    /// </summary>
    public async Task PreflightAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var response = await Send(() => api.Upload(form, transfer: false, retrySafe: true, cancellationToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            response.Dispose();
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using (response)
        {
            throw response.IsSuccessStatusCode
                ? new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Server,
                    $"checking fenfa-url and fenfa-token: an empty upload was accepted (HTTP {(int)response.StatusCode}); is fenfa-url a Fenfa server?")
                : FenfaResponses.Failure(response, "checking fenfa-url and fenfa-token", body);
        }
    }

    /// <summary>Every product whose slug is exactly <paramref name="slug"/> (the server's search is a substring match).</summary>
    public async Task<IReadOnlyList<FenfaProduct>> FindProductsAsync(string slug, CancellationToken cancellationToken)
    {
        var found = new List<FenfaProduct>();
        for (var page = 0; page < MaxPages; page++)
        {
            var list = await FenfaResponses.ReadAsync<FenfaProductList>(
                await Send(() => api.ListProducts(slug, PageSize, page * PageSize, cancellationToken), cancellationToken), "listing products", cancellationToken);
            found.AddRange(list.Items.Where(p => string.Equals(p.Slug, slug, StringComparison.Ordinal)));
            if (list.Items.Count < PageSize || (page + 1) * PageSize >= list.Total) break;
        }
        return found;
    }

    public async Task<FenfaProduct> CreateProductAsync(string name, string slug, CancellationToken cancellationToken)
    {
        var created = await FenfaResponses.ReadAsync<FenfaCreatedProduct>(
            await Send(() => api.CreateProduct(new FenfaProductRequest(name, slug, Published: true), cancellationToken), cancellationToken), $"creating product '{slug}'", cancellationToken);
        return created.Product ?? throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Server, "creating a product: no product in the answer");
    }

    public async Task<FenfaProductDetail> GetProductAsync(string productId, CancellationToken cancellationToken) =>
        await FenfaResponses.ReadAsync<FenfaProductDetail>(await Send(() => api.GetProduct(productId, cancellationToken), cancellationToken), $"reading product {productId}", cancellationToken);

    public async Task<FenfaVariant> CreateVariantAsync(string productId, FenfaVariantRequest variant, CancellationToken cancellationToken)
    {
        var created = await FenfaResponses.ReadAsync<FenfaCreatedVariant>(
            await Send(() => api.CreateVariant(productId, variant, cancellationToken), cancellationToken), $"creating the {variant.Platform} variant", cancellationToken);
        return created.Variant ?? throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Server, "creating a variant: no variant in the answer");
    }

    public async Task DeleteProductAsync(string productId, CancellationToken cancellationToken) =>
        await FenfaResponses.EnsureOkAsync(await Send(() => api.DeleteProduct(productId, cancellationToken), cancellationToken), $"deleting duplicate product {productId}", cancellationToken);

    public async Task DeleteVariantAsync(string variantId, CancellationToken cancellationToken) =>
        await FenfaResponses.EnsureOkAsync(await Send(() => api.DeleteVariant(variantId, cancellationToken), cancellationToken), $"deleting duplicate variant {variantId}", cancellationToken);

    public async Task PublishProductAsync(string productId, CancellationToken cancellationToken) =>
        await FenfaResponses.EnsureOkAsync(await Send(() => api.UpdateProduct(productId, new FenfaPublishedRequest(true), cancellationToken), cancellationToken), "publishing the product", cancellationToken);

    public async Task PublishVariantAsync(string variantId, CancellationToken cancellationToken) =>
        await FenfaResponses.EnsureOkAsync(await Send(() => api.UpdateVariant(variantId, new FenfaPublishedRequest(true), cancellationToken), cancellationToken), "publishing the variant", cancellationToken);

    /// <summary>The variant's releases, newest first, with its product (admin token).</summary>
    public async Task<FenfaVariantStats> GetVariantStatsAsync(string variantId, CancellationToken cancellationToken) =>
        await FenfaResponses.ReadAsync<FenfaVariantStats>(await Send(() => api.GetVariantStats(variantId, cancellationToken), cancellationToken), $"listing releases of variant {variantId}", cancellationToken);

    /// <summary>Largest page of devices Fenfa serves (contract §6.1).</summary>
    public const int MaxDevicePage = 1000;

    public async Task<FenfaDevicePage> ListDevicesAsync(string? variantId, int limit, int offset, CancellationToken cancellationToken) =>
        await FenfaResponses.ReadAsync<FenfaDevicePage>(await Send(() => api.ListDevices(variantId, limit, offset, cancellationToken), cancellationToken),
            "listing devices", cancellationToken);

    /// <summary>The domains the server builds links from (admin token); null when the server has no settings row.</summary>
    public async Task<FenfaServerSettings?> GetSettingsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FenfaResponses.ReadAsync<FenfaServerSettings>(await Send(() => api.GetSettings(cancellationToken), cancellationToken), "reading the server's settings", cancellationToken);
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Rejected)
        {
            // SETTINGS_NOT_FOUND comes as a 200 with ok:false (contract §1): the server then uses its defaults.
            return null;
        }
    }

    /// <summary>Release ID → SHA-256 of the variant's releases (admin token).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetReleaseChecksumsAsync(string variantId, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.ExportReleases(variantId, cancellationToken), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw FenfaResponses.Failure(response, $"exporting the releases of variant {variantId}", body);
        return FenfaReleaseCsv.Checksums(body);
    }

    /// <summary>The public product (no token; published products and variants only).</summary>
    public async Task<FenfaProductDetail> GetPublicProductAsync(string productIdOrSlug, CancellationToken cancellationToken) =>
        await FenfaResponses.ReadAsync<FenfaProductDetail>(await Send(() => api.GetPublicProduct(productIdOrSlug, cancellationToken), cancellationToken), $"reading public product {productIdOrSlug}", cancellationToken);

    /// <summary>
    /// One upload attempt; <paramref name="file"/> is used once (the form disposes it), and its Sha256 stays readable.
    /// The caller decides about another attempt after checking whether this one landed.
    /// </summary>
    public async Task<FenfaUploadResult> UploadAsync(FenfaUpload upload, HashingFileContent file, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(upload.VariantId), "variant_id");
        if (upload.Version is not null) form.Add(new StringContent(upload.Version), "version");
        form.Add(new StringContent(upload.Build.ToString(System.Globalization.CultureInfo.InvariantCulture)), "build");
        if (upload.Channel is not null) form.Add(new StringContent(upload.Channel), "channel");
        if (upload.MinOs is not null) form.Add(new StringContent(upload.MinOs), "min_os");
        if (upload.Changelog is not null) form.Add(new StringContent(upload.Changelog), "changelog");
        // The server classifies the file only by this name's extension (contract pitfall 5).
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"app_file\"", FileName = Quote(upload.FileName) };
        form.Add(file);
        return await FenfaResponses.ReadAsync<FenfaUploadResult>(
            await Send(() => api.Upload(form, transfer: true, retrySafe: false, cancellationToken), cancellationToken), $"uploading {upload.FileName}", cancellationToken);
    }

    private Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> call, CancellationToken cancellationToken) =>
        ServiceCall.SendAsync(FenfaResponses.Service, call, secrets, cancellationToken);

    private static string Quote(string fileName) => "\"" + fileName.Replace("\"", "", StringComparison.Ordinal) + "\"";
}

public sealed record FenfaUpload(string VariantId, string FileName, string? Version, long Build, string? Channel, string? MinOs, string? Changelog);
