using System.Text.Json.Serialization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiPublisher.Core.Apple;

public static class AppStoreConnectRegistration
{
    /// <summary>
    /// An App Store Connect client for one module (devices, the ADP lookup), signed by the one token provider of the run
    /// (registered once, whichever module comes first), so every module's requests carry a fresh JWT.
    /// </summary>
    public static IHttpClientBuilder AddAppStoreConnectClient<TApi>(this IServiceCollection services, string service, AppleSettings apple,
        JsonSerializerContext json)
        where TApi : class
    {
        services.TryAddSingleton(sp => new AppStoreConnectTokenProvider(apple,
            sp.GetRequiredService<SecretRegistry>(), sp.GetRequiredService<TimeProvider>()));
        return services.AddServiceClient<TApi>(service, apple.ApiUrl, json,
            sp => new AppStoreConnectAuthHandler(sp.GetRequiredService<AppStoreConnectTokenProvider>()));
    }
}
