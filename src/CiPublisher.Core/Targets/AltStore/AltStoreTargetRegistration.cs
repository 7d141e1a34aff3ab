using CiPublisher.Core.Apple;
using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore.Package;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.AltStore;

public static class AltStoreTargetRegistration
{
    /// <summary>
    /// Adds the AltStore API client and <see cref="AltStoreOnboarding"/> when AltStore settings are present, and the
    /// <see cref="AltStoreTarget"/> when an ADP ID, a source file or a source URL gives it something to do.
    /// </summary>
    public static IServiceCollection AddAltStoreTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.AltStore is not { } altstore) return services;
        services.AddSingleton(altstore);
        services.AddServiceClient<IAltStoreApi>(AltStoreGateway.Service, altstore.ApiUrl, AltStoreJsonContext.Default);
        services.AddTransient<AltStoreGateway>();
        services.AddTransient<AltStoreOnboarding>();
        services.AddTransient<AdpDownloader>();
        if (AltStoreTarget.StepsToRun(altstore) != AltStoreSteps.None) services.AddSingleton<IPublishTarget, AltStoreTarget>();
        if (AdpIdValidator.IsAuto(altstore.AdpId) && settings.Apple is { } apple)
        {
            services.AddAppStoreConnectClient<IAppStoreConnectDistributionApi>(AppStoreConnectErrors.Service, apple, settings.WorkingDirectory,
                AppStoreConnectJsonContext.Default);
            services.AddSingleton<AdpFinder>();
        }
        return services;
    }
}
