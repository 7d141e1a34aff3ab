using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets;

public static class TargetModuleRegistration
{
    /// <summary>Adds the module's services when the run's settings hold its settings; nothing otherwise.</summary>
    public static IServiceCollection AddModule(this IServiceCollection services, ITargetModule module, RunSettings settings)
    {
        if (settings.Modules.FirstOrDefault(s => s.GetType() == module.SettingsType) is { } moduleSettings) module.Register(services, moduleSettings);
        return services;
    }
}
