using System.Collections.Concurrent;
using CiPublisher.Core.Artifacts;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Finds the product's variant for an artifact, or creates it. A variant is one kind of file: platform, bundle ID or
/// package name, CPU architecture and installer type, so that every file of a multi-file version (ABI-split APKs,
/// one DMG per architecture beside a zip) is a release of its own variant. Fenfa has no uniqueness on variants, so
/// creation re-lists and settles on the first matching variant (the server orders by creation), deleting its own duplicate.
/// </summary>
public sealed class FenfaVariantResolver(FenfaClient client, ILogger logger)
{
    // Two artifacts of one run may need the same variant: only one of them looks it up or creates it.
    private readonly ConcurrentDictionary<FenfaVariantKey, Lazy<Task<FenfaVariant>>> _resolved = new();

    public Task<FenfaVariant> ResolveAsync(FenfaProduct product, ArtifactInfo artifact, CancellationToken cancellationToken)
    {
        var key = FenfaVariantKey.Of(artifact);
        return _resolved.GetOrAdd(key, _ => new Lazy<Task<FenfaVariant>>(() => FindOrCreateAsync(product, artifact, key, cancellationToken))).Value;
    }

    private async Task<FenfaVariant> FindOrCreateAsync(FenfaProduct product, ArtifactInfo artifact, FenfaVariantKey key, CancellationToken cancellationToken)
    {
        var existing = Find(await client.GetProductAsync(product.Id, cancellationToken), key);
        if (existing is not null) return existing;

        logger.LogInformation("Fenfa: creating the variant {Variant} of '{Slug}'", key, product.Slug);
        var created = await client.CreateVariantAsync(product.Id, new FenfaVariantRequest(
            key.Platform, NullIfEmpty(key.Identifier), DisplayName(artifact, product, key), NullIfEmpty(key.Arch), key.InstallerType,
            FenfaPlatform.MinOs(artifact), Published: true), cancellationToken);

        var settled = Find(await client.GetProductAsync(product.Id, cancellationToken), key) ?? created;
        if (settled.Id == created.Id) return created;

        logger.LogWarning("Fenfa: variant {Variant} was created concurrently; using {Id} and deleting the duplicate {Duplicate}",
            key, settled.Id, created.Id);
        await client.DeleteVariantAsync(created.Id, cancellationToken);
        return settled;
    }

    private static FenfaVariant? Find(FenfaProductDetail detail, FenfaVariantKey key) =>
        detail.Variants.FirstOrDefault(v => key.Matches(v));

    /// <summary>The app's name, with the architecture when the variant is one of several of the platform (what a tester picks from).</summary>
    private static string DisplayName(ArtifactInfo artifact, FenfaProduct product, FenfaVariantKey key)
    {
        var name = artifact.DisplayName ?? product.Name;
        return key.Arch.Length > 0 ? $"{name} ({key.Arch})" : name;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
