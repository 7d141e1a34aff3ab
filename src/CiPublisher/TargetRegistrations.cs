using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AppleDevices;
using CiPublisher.Core.Targets.Aptoide;
using CiPublisher.Core.Targets.Fenfa;
using CiPublisher.Core.Targets.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher;

/// <summary>Every destination, each adding itself only when its settings are present.</summary>
internal static class TargetRegistrations
{
    public static void Add(IServiceCollection services, RunSettings settings)
    {
        services.AddFenfaTarget(settings);
        services.AddAptoideTarget(settings);
        services.AddAltStoreTarget(settings);
        services.AddAppleDevicesTarget(settings);
        services.AddGitHubTarget(settings);
    }
}
