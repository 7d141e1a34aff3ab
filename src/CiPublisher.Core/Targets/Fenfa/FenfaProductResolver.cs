using CiPublisher.Core.Http;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Finds the product by exact slug, or creates it. Fenfa answers a taken slug with "slug-2" instead of an
/// error, so two jobs creating at once would leave two products: after a create, the resolver re-lists,
/// settles on the oldest product with the slug, and deletes its own duplicate (still empty).
/// </summary>
public sealed class FenfaProductResolver(FenfaClient client, ILogger logger)
{
    public async Task<(FenfaProduct Product, bool Created)> ResolveAsync(string slug, string name, CancellationToken cancellationToken)
    {
        var existing = Oldest(await client.FindProductsAsync(slug, cancellationToken));
        if (existing is not null) return (existing, false);

        logger.LogInformation("Fenfa: creating product '{Slug}' ({Name})", slug, name);
        FenfaProduct created;
        try
        {
            created = await client.CreateProductAsync(name, slug, cancellationToken);
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Server)
        {
            // The real server answers a create racing another job's with 500 "UNIQUE constraint failed: products.slug":
            // the other job's product is there, and is the one to use.
            if (Oldest(await client.FindProductsAsync(slug, cancellationToken)) is not { } raced) throw;
            logger.LogInformation("Fenfa: product '{Slug}' was created by another job at the same time; using {Id}", slug, raced.Id);
            return (raced, false);
        }
        var settled = Oldest(await client.FindProductsAsync(slug, cancellationToken));
        if (settled is null)
        {
            if (created.Slug == slug) return (created, true);
            throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Server,
                $"creating product '{slug}' gave slug '{created.Slug}', and no product '{slug}' is listed; check fenfa-product");
        }
        if (settled.Id != created.Id)
        {
            logger.LogWarning("Fenfa: product '{Slug}' was created concurrently by another job; using {Id} and deleting the duplicate {Duplicate}",
                slug, settled.Id, created.Id);
            await client.DeleteProductAsync(created.Id, cancellationToken);
            return (settled, false);
        }
        return (settled, true);
    }

    /// <summary>The list is newest first; equal timestamps keep list order, so the last one listed wins the tie.</summary>
    private static FenfaProduct? Oldest(IReadOnlyList<FenfaProduct> products) =>
        products.Select((p, index) => (p, index))
            .OrderBy(x => x.p.CreatedAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(x => x.index)
            .Select(x => x.p)
            .FirstOrDefault();
}
