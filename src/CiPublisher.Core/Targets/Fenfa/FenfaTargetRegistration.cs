using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AppleDevices;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.Fenfa;

public static class FenfaTargetRegistration
{
    /// <summary>
    /// The Fenfa client, the publish target, and, with <c>apple-devices-from-fenfa</c>, Fenfa as a source of testers'
    /// devices for the Apple devices target.
    /// </summary>
    public static IServiceCollection AddFenfaTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.Fenfa is not { } fenfa) return services;
        services.AddSingleton(fenfa);
        services.AddServiceClient<IFenfaApi>(FenfaResponses.Service, fenfa.Url, FenfaJsonContext.Default, _ => new FenfaAuthHandler(fenfa.Token));
        services.AddSingleton<FenfaClient>();
        services.AddSingleton<IPublishTarget, FenfaTarget>();
        if (settings.Apple is { DevicesFromFenfa: true }) services.AddSingleton<IDeviceSource, FenfaDeviceSource>();
        return services;
    }
}
