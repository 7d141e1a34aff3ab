using CiPublisher.Core.Apple;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiPublisher.Core.Targets.AppleDevices;

public static class AppleDevicesTargetRegistration
{
    /// <summary>
    /// Registers the Apple devices target when the Apple settings are present. The key should already have
    /// passed <see cref="AppleKeyLoader.Validate"/> (an input error, exit 2) before this runs.
    /// </summary>
    public static IServiceCollection AddAppleDevicesTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.Apple is not { } apple) return services;

        services.TryAddSingleton(sp => new AppStoreConnectTokenProvider(apple, settings.WorkingDirectory,
            sp.GetRequiredService<SecretRegistry>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AppStoreConnectQuota>();
        services.AddServiceClient<IAppStoreConnectDevicesApi>(AppleDevicesTarget.ServiceName, apple.ApiUrl, AppleDevicesJsonContext.Default,
                sp => new AppStoreConnectAuthHandler(sp.GetRequiredService<AppStoreConnectTokenProvider>()))
            .AddHttpMessageHandler(sp => new AppStoreConnectQuotaHandler(sp.GetRequiredService<AppStoreConnectQuota>()));

        services.AddSingleton<DeviceSources>();
        services.AddSingleton<AppStoreConnectDevicesClient>();
        services.AddSingleton<DeviceRegistrar>();
        services.AddSingleton<ProfileRefresher>();
        services.AddSingleton<IPublishTarget, AppleDevicesTarget>();
        return services;
    }
}
