using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>Publishes the artifacts as releases on a Fenfa server: find or create product and variants, upload, publish.</summary>
public sealed class FenfaTarget(FenfaClient client, RunScope scope, FenfaSettings fenfa, ITransferProgress progress, CallMeter calls, TimeProvider time,
    ILogger<FenfaTarget> logger)
    : IDownloadLinkProvider
{
    public string Name => "Fenfa";

    public int DownloadLinkRank => 0;

    public bool IsEnabled => true;


    public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var eligible = artifacts.Items.Where(a => a.Extension != ".aab").ToList();
        var skipped = artifacts.Items.Except(eligible)
            .Select(a => new ItemResult
            {
                Name = a.FileName, Outcome = Outcome.Skipped, Reason = "Fenfa takes no .aab (build an APK for it)", NotForThisTarget = true,
            }).ToList();
        if (eligible.Count == 0) return TargetResult.Skipped(Name, "no artifact Fenfa can take") with { Items = skipped };
        if (scope.DryRun) return Plan(eligible, skipped);

        try
        {
            await client.PreflightAsync(cancellationToken);
        }
        catch (RemoteServiceException e) when (e.Kind is RemoteFailureKind.Authentication or RemoteFailureKind.Permission)
        {
            return TargetResult.Failed(Name, $"fenfa-token was refused by {fenfa.Url.Host}: {e.Message}");
        }

        var (resolve, product) = await ResolveDestinationsAsync(eligible, cancellationToken);
        var destinations = await Task.WhenAll(eligible.Select(resolve));
        var sharing = eligible.Zip(destinations)
            .GroupBy(x => (x.Second.VariantId, x.First.Version, x.First.Build))
            .SelectMany(g => g.Select(x => (x.First, Count: g.Count())))
            .ToDictionary(x => x.First, x => x.Count);
        var publisher = new FenfaArtifactPublisher(client, scope, fenfa, progress, time, logger);
        using var slots = new SemaphoreSlim(scope.MaxParallel);
        var items = await Task.WhenAll(eligible.Zip(destinations).Select(async pair =>
        {
            var (artifact, destination) = pair;
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await publisher.PublishAsync(artifact, destination, sharing[artifact], cancellationToken);
            }
            catch (Exception e) when (e is RemoteServiceException || TransientFailure.IsTransient(e))
            {
                var reason = FailureText.Of(e);
                logger.LogError("Fenfa: {File}: {Message}", artifact.FileName, reason);
                return new ItemResult { Name = artifact.FileName, Outcome = Outcome.Failed, Reason = reason };
            }
            finally
            {
                slots.Release();
            }
        }));

        var notes = await PublishAsync(product, cancellationToken);
        var all = items.Concat(skipped).ToList();
        return new TargetResult
        {
            Target = Name,
            Outcome = TargetResult.Combine(all),
            Reason = items.Any(i => i.Outcome == Outcome.Failed) ? $"{items.Count(i => i.Outcome == Outcome.Failed)} of {items.Length} artifact(s) failed" : null,
            Items = all,
            Outputs = Outputs(eligible, items),
            Notes = notes,
            Figures = new Dictionary<string, string> { [CallMeter.FigureName] = calls.Figure(FenfaResponses.Service) },
        };
    }

    /// <summary>
    /// With fenfa-product (admin token): the product found or created, and per artifact its variant.
    /// With fenfa-variant-id: that variant for every artifact, with whatever release listing the token can read.
    /// </summary>
    private async Task<(Func<ArtifactInfo, Task<FenfaDestination>> Resolve, FenfaProduct? Product)> ResolveDestinationsAsync(
        IReadOnlyList<ArtifactInfo> artifacts, CancellationToken cancellationToken)
    {
        // Found releases carry no links in the admin listings: they are composed from the server's domain settings,
        // read once, as the server composes the links of an upload.
        var domains = new Lazy<Task<FenfaDomains>>(async () =>
            FenfaDomains.From(await client.GetSettingsAsync(cancellationToken), fenfa.Url));
        if (fenfa.VariantId is { } variantId)
        {
            var destination = await VariantDestinationAsync(variantId, domains, cancellationToken);
            return (_ => Task.FromResult(destination), null);
        }

        var slug = FenfaSlug.Normalize(fenfa.Product!);
        FenfaProduct product;
        try
        {
            var name = fenfa.ProductName ?? artifacts.Select(a => a.DisplayName).FirstOrDefault(n => n is not null) ?? fenfa.Product!;
            (product, _) = await new FenfaProductResolver(client, logger).ResolveAsync(slug, name, cancellationToken);
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Permission)
        {
            throw new RemoteServiceException(FenfaResponses.Service, RemoteFailureKind.Permission,
                "fenfa-product needs an admin token (the token given may only upload: Fenfa answered 403 on its admin API). " +
                "Give an admin token as fenfa-token, or give fenfa-variant-id to upload with an upload token.", e.StatusCode, e.Code);
        }

        var variants = new FenfaVariantResolver(client, logger);
        var productKey = product.Slug.Length > 0 ? product.Slug : product.Id;
        return (async artifact =>
        {
            var variant = await variants.ResolveAsync(product, artifact, cancellationToken);
            return new FenfaDestination(variant.Id, AdminListing(variant.Id, productKey, domains));
        }, product);
    }

    /// <summary>Releases from the admin listing, their bytes' SHA-256 from the CSV export, their links from the settings.</summary>
    private Func<CancellationToken, Task<IReadOnlyList<FenfaListedRelease>>> AdminListing(string variantId, string productKey, Lazy<Task<FenfaDomains>> domains) =>
        async ct =>
        {
            var releases = (await client.GetVariantStatsAsync(variantId, ct)).Releases;
            if (releases.Count == 0) return [];
            var checksums = await client.GetReleaseChecksumsAsync(variantId, ct);
            var bases = await domains.Value;
            return releases.Select(r => new FenfaListedRelease(r.Id, r.Version, r.Build,
                FenfaLinks.Compose(bases, productKey, variantId, r.Id), checksums.GetValueOrDefault(r.Id))).ToList();
        };

    private async Task<FenfaDestination> VariantDestinationAsync(string variantId, Lazy<Task<FenfaDomains>> domains, CancellationToken cancellationToken)
    {
        try
        {
            var product = (await client.GetVariantStatsAsync(variantId, cancellationToken)).Product;
            var productKey = product?.Slug is { Length: > 0 } slug ? slug : product?.Id ?? "";
            return new FenfaDestination(variantId, AdminListing(variantId, productKey, domains));
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.Permission)
        {
            return new FenfaDestination(variantId, await PublicListingAsync(variantId, cancellationToken));
        }
    }

    /// <summary>
    /// An upload token reads no admin listing; the public product JSON lists the releases of a published product's
    /// published variants. Where it cannot, the run warns that existing releases cannot be checked, and uploads.
    /// </summary>
    private async Task<Func<CancellationToken, Task<IReadOnlyList<FenfaListedRelease>>>?> PublicListingAsync(string variantId, CancellationToken cancellationToken)
    {
        const string cannotCheck = "so existing releases cannot be checked and every file is uploaded (a re-run may add duplicates); give an admin token to let it check";
        if (fenfa.Product is not { } productInput)
        {
            logger.LogWarning("Fenfa: the token cannot list releases (an upload token) and no fenfa-product names a published product to read, {CannotCheck}.", cannotCheck);
            return null;
        }
        var slug = FenfaSlug.Normalize(productInput);
        try
        {
            if ((await client.GetPublicProductAsync(slug, cancellationToken)).Variants.All(v => v.Id != variantId))
            {
                logger.LogWarning("Fenfa: variant {Variant} is not listed publicly under product '{Slug}' (unpublished, or of another product), {CannotCheck}.", variantId, slug, cannotCheck);
                return null;
            }
        }
        catch (RemoteServiceException e) when (e.Kind == RemoteFailureKind.NotFound)
        {
            logger.LogWarning("Fenfa: product '{Slug}' is not public ({Message}), {CannotCheck}.", slug, e.Message, cannotCheck);
            return null;
        }
        return async ct =>
            (await client.GetPublicProductAsync(slug, ct)).Variants.FirstOrDefault(v => v.Id == variantId)?.Releases?
                .Select(r => new FenfaListedRelease(r.Id, r.Version, r.Build, FenfaLinks.FromActions(r.Actions ?? [], variantId), null))
                .ToList() ?? [];
    }

    /// <summary>Makes sure product and variants are visible (PUT published; the legacy publish routes do not work for products).</summary>
    private async Task<IReadOnlyList<string>> PublishAsync(FenfaProduct? product, CancellationToken cancellationToken)
    {
        if (product is null || !fenfa.Publish) return [];
        var detail = await client.GetProductAsync(product.Id, cancellationToken);
        var notes = new List<string>();
        if (detail.Product is { Published: false })
        {
            await client.PublishProductAsync(product.Id, cancellationToken);
            notes.Add($"Published product '{product.Slug}'.");
        }
        foreach (var variant in detail.Variants.Where(v => !v.Published))
        {
            await client.PublishVariantAsync(variant.Id, cancellationToken);
            notes.Add($"Published the {variant.Platform} variant {variant.Identifier}.");
        }
        return notes;
    }

    private static Dictionary<string, string> Outputs(IReadOnlyList<ArtifactInfo> artifacts, IReadOnlyList<ItemResult> items)
    {
        var outputs = new Dictionary<string, string>();
        var first = items.FirstOrDefault(i => i.Outcome != Outcome.Failed);
        if (first is null) return outputs;
        var published = first.Published ?? new Publication();
        outputs["release-id"] = published.ReleaseId ?? "";
        if (published.DownloadUrl is { } download) outputs["download-url"] = download;
        if (published.PageUrl is { } page) outputs["page-url"] = page;
        if (artifacts.FirstOrDefault(a => a.FileName == first.Name)?.Platform == ArtifactPlatform.Ios && published.InstallUrl is { } install)
            outputs["install-url"] = install;
        return outputs;
    }

    private TargetResult Plan(IReadOnlyList<ArtifactInfo> artifacts, IReadOnlyList<ItemResult> skipped)
    {
        var where = fenfa.VariantId is { } v ? $"variant {v}" : $"product '{FenfaSlug.Normalize(fenfa.Product!)}' (found or created)";
        var items = artifacts.Select(a => new ItemResult
        {
            Name = a.FileName,
            Outcome = Outcome.Skipped,
            Reason = $"dry run: would upload {a.Version} ({a.Build}) to {where}, variant {FenfaVariantKey.Of(a)}",
        });
        return TargetResult.Skipped(Name, "dry run: nothing uploaded") with { Items = [.. items, .. skipped] };
    }
}
