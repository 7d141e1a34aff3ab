using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>
/// A place that serves an ADP's files at lasting public URLs (the tag's GitHub release), provided by the module that
/// owns that place: this module depends on the interface, not on the provider.
/// </summary>
public interface IAdpHost
{
    /// <summary>Where the files go, for the report: "release v2.4.1 of owner/app".</summary>
    string Describe(string? version);

    /// <summary>Puts every file of <paramref name="package"/> there; files already there with the same content are kept.</summary>
    Task<AdpHostResult> HostAsync(UnpackedAdp package, string? version, CancellationToken cancellationToken);
}

/// <summary>One item per file, and the public URL of every file by its path in the package once all of them are hosted.</summary>
public sealed record AdpHostResult(IReadOnlyList<ItemResult> Items, IReadOnlyDictionary<string, string>? Urls, string? Failure = null);
