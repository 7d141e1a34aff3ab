using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiPublisher.Core;

public static class CoreServices
{
    /// <summary>
    /// The library's services for one run. The caller provides logging; tests pass a FakeTimeProvider.
    /// Each target adds itself (and its HTTP clients) only when its settings are present.
    /// </summary>
    public static IServiceCollection AddCiPublisherCore(this IServiceCollection services, RunSettings settings,
        SecretRegistry secrets, TimeProvider? time = null, ITransferProgress? progress = null)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Scope);
        services.AddSingleton(settings.Http);
        services.AddSingleton(secrets);
        services.AddSingleton(time ?? TimeProvider.System);
        services.TryAddSingleton(progress ?? NoTransferProgress.Instance);
        services.AddSingleton<TargetRunner>();
        services.AddSingleton<RunDownloadLinks>();
        services.TryAddSingleton<CallMeter>();
        services.AddHttpClient();
        return services;
    }
}
