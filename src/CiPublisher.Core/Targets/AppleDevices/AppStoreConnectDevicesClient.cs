using System.Net.Http.Json;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// The API with App Store Connect's failures translated once, and lists read to the end by following
/// <c>links.next</c> verbatim (contract §5) — never one lookup per device.
/// </summary>
public sealed class AppStoreConnectDevicesClient(IAppStoreConnectDevicesApi api, SecretRegistry secrets)
{
    private const int PageSize = IAppStoreConnectDevicesApi.MaxPageSize;

    public IAppStoreConnectDevicesApi Api => api;

    public Task<IReadOnlyList<Resource<DeviceAttributes>>> ListAllDevicesAsync(CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListDevicesAsync(PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<DeviceAttributes>>> FindDevicesAsync(string udid, CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.FindDevicesAsync(udid, PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<BundleIdAttributes>>> ListBundleIdsAsync(string identifier, CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListBundleIdsAsync(identifier, PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<ProfileAttributes>>> ListProfilesAsync(string bundleIdId, CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListBundleIdProfilesAsync(bundleIdId, PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<DeviceAttributes>>> ListProfileDevicesAsync(string profileId, CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListProfileDevicesAsync(profileId, PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<NoAttributes>>> ListProfileCertificatesAsync(string profileId, CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListProfileCertificatesAsync(profileId, PageSize, ct), cancellationToken);

    public Task<IReadOnlyList<Resource<CertificateAttributes>>> ListCertificatesAsync(CancellationToken cancellationToken) =>
        AllPagesAsync(ct => api.ListCertificatesAsync(PageSize, ct), cancellationToken);

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw AppStoreConnectErrors.Translate(e, secrets);
        }
    }

    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    private async Task<IReadOnlyList<Resource<TAttributes>>> AllPagesAsync<TAttributes>(
        Func<CancellationToken, Task<ResourceList<TAttributes>>> first, CancellationToken cancellationToken)
    {
        var items = new List<Resource<TAttributes>>();
        var page = await CallAsync(first, cancellationToken);
        items.AddRange(page.Data ?? []);
        while (page.Links?.Next is { Length: > 0 } next)
        {
            page = await CallAsync(ct => NextPageAsync<TAttributes>(next, ct), cancellationToken);
            items.AddRange(page.Data ?? []);
        }
        return items;
    }

    private async Task<ResourceList<TAttributes>> NextPageAsync<TAttributes>(string next, CancellationToken cancellationToken)
    {
        var url = new Uri(next, UriKind.Absolute);
        var home = api.Client.BaseAddress!;
        // The bearer token goes wherever the request goes: never follow a link off Apple's host.
        if (Uri.Compare(url, home, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new RemoteServiceException(AppStoreConnectErrors.Service, RemoteFailureKind.Server,
                $"{AppStoreConnectErrors.Service} gave a next-page link to another host ({url.Host}); not followed");

        using var response = await api.Client.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode) throw await AppStoreConnectErrors.TranslateAsync(response, secrets, cancellationToken);
        return await response.Content.ReadFromJsonAsync(AppleDevicesJsonContext.Default.TypeInfo<ResourceList<TAttributes>>(), cancellationToken)
               ?? new ResourceList<TAttributes>([], null);
    }
}
