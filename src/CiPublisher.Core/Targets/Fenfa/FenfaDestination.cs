namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Where an artifact goes: the variant, and how to list its releases with their links (and, with an admin token,
/// the SHA-256 of each). <see cref="ListReleases"/> is null when the token can read no listing (an upload token on an
/// unpublished product, or without fenfa-product).
/// </summary>
public sealed record FenfaDestination(
    string VariantId,
    Func<CancellationToken, Task<IReadOnlyList<FenfaListedRelease>>>? ListReleases);

/// <summary>A release already on the variant: its links as the server states them, and its bytes' SHA-256 where a listing tells it.</summary>
public sealed record FenfaListedRelease(string Id, string? Version, long Build, IReadOnlyDictionary<string, string> Urls, string? Sha256);
