using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AppleDevices;
using CiPublisher.Core.Targets.Aptoide;
using CiPublisher.Core.Targets.Fenfa;
using CiPublisher.Core.Targets.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher;

/// <summary>Every destination, one line each: each binds its own inputs and adds its services when its settings are present.</summary>
internal static class TargetModules
{
    public static IReadOnlyList<ITargetModule> All { get; } =
    [
        new FenfaModule(),
        new AptoideModule(),
        new AltStoreModule(),
        new AppleDevicesModule(),
        new GitHubModule(),
    ];

    public static void Register(IServiceCollection services, RunSettings settings)
    {
        foreach (var module in All) services.AddModule(module, settings);
    }
}
