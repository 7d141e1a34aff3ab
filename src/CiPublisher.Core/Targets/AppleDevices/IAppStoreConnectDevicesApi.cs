using CiPublisher.Core.Http;
using Refit;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>The App Store Connect calls this target makes (contract §6–§8).</summary>
public interface IAppStoreConnectDevicesApi
{
    /// <summary>Largest page Apple serves (OpenAPI 4.4.1 <c>maximum: 200</c>).</summary>
    public const int MaxPageSize = 200;

    /// <summary>The client behind the interface: next pages are followed as the absolute URLs Apple gives.</summary>
    HttpClient Client { get; }

    [Get("/v1/devices")]
    Task<ResourceList<DeviceAttributes>> ListDevicesAsync(int limit, CancellationToken cancellationToken);

    [Get("/v1/devices")]
    Task<ResourceList<DeviceAttributes>> FindDevicesAsync([AliasAs("filter[udid]")] string udid, int limit, CancellationToken cancellationToken);

    /// <summary>Apple refuses a duplicate UDID with 409, so re-sending after a lost answer cannot register twice.</summary>
    [Post("/v1/devices")]
    Task<ResourceDocument<DeviceAttributes>> RegisterDeviceAsync([Body] RequestBody<NewResource<DeviceCreate>> body,
        CancellationToken cancellationToken, [Property(RequestMarks.RetrySafeKey)] bool retrySafe = true);

    /// <summary>Setting a status is idempotent, so the PATCH may be re-sent.</summary>
    [Patch("/v1/devices/{id}")]
    Task<ResourceDocument<DeviceAttributes>> UpdateDeviceAsync(string id, [Body] RequestBody<ResourceUpdate<DeviceStatusUpdate>> body,
        CancellationToken cancellationToken, [Property(RequestMarks.RetrySafeKey)] bool retrySafe = true);

    [Get("/v1/bundleIds")]
    Task<ResourceList<BundleIdAttributes>> ListBundleIdsAsync([AliasAs("filter[identifier]")] string identifier, int limit,
        CancellationToken cancellationToken);

    [Get("/v1/bundleIds/{id}/profiles")]
    Task<ResourceList<ProfileAttributes>> ListBundleIdProfilesAsync(string id, int limit, CancellationToken cancellationToken);

    [Get("/v1/profiles/{id}/devices")]
    Task<ResourceList<DeviceAttributes>> ListProfileDevicesAsync(string id, int limit, CancellationToken cancellationToken);

    [Get("/v1/profiles/{id}/certificates")]
    Task<ResourceList<NoAttributes>> ListProfileCertificatesAsync(string id, int limit, CancellationToken cancellationToken);

    /// <summary>Every certificate of the team: there is no filter for validity, so expiry is checked client-side (contract §10).</summary>
    [Get("/v1/certificates")]
    Task<ResourceList<CertificateAttributes>> ListCertificatesAsync(int limit, CancellationToken cancellationToken);

    [Post("/v1/profiles")]
    Task<ResourceDocument<ProfileAttributes>> CreateProfileAsync([Body] RequestBody<NewProfile> body, CancellationToken cancellationToken);

    [Delete("/v1/profiles/{id}")]
    Task DeleteProfileAsync(string id, CancellationToken cancellationToken);
}
