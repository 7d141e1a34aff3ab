namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Where an artifact goes: the variant, the slug (or ID) its page links use, and how to list its releases.
/// <see cref="ListReleases"/> is null when the token can read no listing (an upload token on an unpublished product).
/// </summary>
public sealed record FenfaDestination(
    string VariantId,
    string ProductSlugOrId,
    Func<CancellationToken, Task<IReadOnlyList<FenfaRelease>>>? ListReleases);
