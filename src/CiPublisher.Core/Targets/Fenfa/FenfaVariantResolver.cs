using System.Collections.Concurrent;
using CiPublisher.Core.Artifacts;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Finds the product's variant for an artifact's platform and identifier, or creates it. Fenfa has no
/// uniqueness on variants, so creation re-lists and settles on the first matching variant (the server
/// orders by creation), deleting its own duplicate.
/// </summary>
public sealed class FenfaVariantResolver(FenfaClient client, ILogger logger)
{
    // Two artifacts of one run may need the same variant: only one of them looks it up or creates it.
    private readonly ConcurrentDictionary<(string Platform, string Identifier), Lazy<Task<FenfaVariant>>> _resolved = new();

    public Task<FenfaVariant> ResolveAsync(FenfaProduct product, ArtifactInfo artifact, CancellationToken cancellationToken)
    {
        var platform = FenfaPlatform.Of(artifact.Platform);
        return _resolved.GetOrAdd((platform, artifact.Identifier ?? ""),
            _ => new Lazy<Task<FenfaVariant>>(() => FindOrCreateAsync(product, artifact, platform, cancellationToken))).Value;
    }

    private async Task<FenfaVariant> FindOrCreateAsync(FenfaProduct product, ArtifactInfo artifact, string platform, CancellationToken cancellationToken)
    {
        var existing = Find(await client.GetProductAsync(product.Id, cancellationToken), platform, artifact.Identifier);
        if (existing is not null) return existing;

        logger.LogInformation("Fenfa: creating the {Platform} variant {Identifier} of '{Slug}'", platform, artifact.Identifier ?? "(no identifier)", product.Slug);
        var created = await client.CreateVariantAsync(product.Id, new FenfaVariantRequest(
            platform, artifact.Identifier, artifact.DisplayName ?? product.Name, FenfaPlatform.InstallerType(artifact),
            FenfaPlatform.MinOs(artifact), Published: true), cancellationToken);

        var settled = Find(await client.GetProductAsync(product.Id, cancellationToken), platform, artifact.Identifier) ?? created;
        if (settled.Id == created.Id) return created;

        logger.LogWarning("Fenfa: variant {Platform}/{Identifier} was created concurrently; using {Id} and deleting the duplicate {Duplicate}",
            platform, artifact.Identifier, settled.Id, created.Id);
        await client.DeleteVariantAsync(created.Id, cancellationToken);
        return settled;
    }

    private static FenfaVariant? Find(FenfaProductDetail detail, string platform, string? identifier) =>
        detail.Variants.FirstOrDefault(v =>
            string.Equals(v.Platform, platform, StringComparison.OrdinalIgnoreCase)
            && string.Equals(v.Identifier ?? "", identifier ?? "", StringComparison.Ordinal));
}
