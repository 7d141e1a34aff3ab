using CiPublisher.Core.Http;
using Refit;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// The App Store Connect calls that find an app version's alternative distribution package (contract §9, §11).
/// Answers are read raw: before a package exists Apple answers 404 or <c>{"data": null}</c>, and both are expected.
/// </summary>
public interface IAppStoreConnectDistributionApi
{
    [Get("/v1/apps")]
    Task<HttpResponseMessage> FindApps([AliasAs("filter[bundleId]")] string bundleId, int limit, CancellationToken cancellationToken);

    /// <summary>Always with the platform: a tvOS or macOS version can share the version string.</summary>
    [Get("/v1/apps/{appId}/appStoreVersions")]
    Task<HttpResponseMessage> FindVersions(string appId, [AliasAs("filter[platform]")] string platform,
        [AliasAs("filter[versionString]")] string versionString, int limit, CancellationToken cancellationToken);

    [Get("/v1/appStoreVersions/{versionId}/alternativeDistributionPackage")]
    Task<HttpResponseMessage> GetPackage(string versionId, CancellationToken cancellationToken);

    /// <summary>Apple refuses a second package for a version with 409, so sending again after a lost answer doubles nothing.</summary>
    [Post("/v1/alternativeDistributionPackages")]
    Task<HttpResponseMessage> CreatePackage([Body] HttpContent body, CancellationToken cancellationToken,
        [Property(RequestMarks.RetrySafeKey)] bool retrySafe = true);
}
