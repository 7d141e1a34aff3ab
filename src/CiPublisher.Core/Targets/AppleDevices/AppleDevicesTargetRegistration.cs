using CiPublisher.Core.Apple;
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
        services.TryAddSingleton(apple);

        services.AddSingleton<AppStoreConnectQuota>();
        services.AddAppStoreConnectClient<IAppStoreConnectDevicesApi>(AppleDevicesTarget.ServiceName, apple, settings.WorkingDirectory,
                AppleDevicesJsonContext.Default)
            .AddHttpMessageHandler(sp => new AppStoreConnectQuotaHandler(sp.GetRequiredService<AppStoreConnectQuota>()));

        services.AddSingleton<DeviceSources>();
        services.AddSingleton<AppStoreConnectDevicesClient>();
        services.AddSingleton<DeviceRegistrar>();
        services.AddSingleton<ProfileRefresher>();
        services.AddSingleton<IPublishTarget, AppleDevicesTarget>();
        return services;
    }
}
