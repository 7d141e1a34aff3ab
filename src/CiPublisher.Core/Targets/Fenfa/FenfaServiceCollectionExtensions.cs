using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.Fenfa;

public static class FenfaServiceCollectionExtensions
{
    public static IServiceCollection AddFenfaTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.Fenfa is not { } fenfa) return services;
        services.AddServiceClient<IFenfaApi>(FenfaResponses.Service, fenfa.Url, _ => new FenfaAuthHandler(fenfa.Token));
        services.AddSingleton<FenfaClient>();
        services.AddSingleton<IPublishTarget, FenfaTarget>();
        return services;
    }
}
