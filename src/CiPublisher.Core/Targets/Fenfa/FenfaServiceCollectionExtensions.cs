using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.Fenfa;

public static class FenfaServiceCollectionExtensions
{
    public static IServiceCollection AddFenfaTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.Fenfa is not { } fenfa) return services;
        services.AddFenfaClient(fenfa);
        services.AddSingleton<IPublishTarget, FenfaTarget>();
        return services;
    }

    /// <summary>The Fenfa client, once, for every target that reads Fenfa (the publish target, the Apple devices source).</summary>
    public static IServiceCollection AddFenfaClient(this IServiceCollection services, FenfaSettings fenfa)
    {
        if (services.Any(d => d.ServiceType == typeof(FenfaClient))) return services;
        services.AddServiceClient<IFenfaApi>(FenfaResponses.Service, fenfa.Url, _ => new FenfaAuthHandler(fenfa.Token));
        services.AddSingleton<FenfaClient>();
        return services;
    }
}
