using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

public static class AptoideTargetRegistration
{
    /// <summary>Adds the Aptoide target and its client when <c>aptoide-repo</c> is set; otherwise adds nothing.</summary>
    public static IServiceCollection AddAptoideTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.Aptoide is not { } aptoide) return services;

        services.AddServiceClient<IAptoideApi>(AptoideResponseReader.Service, WithTrailingSlash(aptoide.ApiUrl), json: null);
        services.AddSingleton<AptoideClient>();
        services.AddSingleton<AptoideAccessTokens>();
        services.AddSingleton<AptoideApkUploader>();
        services.AddSingleton(aptoide);
        services.AddSingleton<IPublishTarget>(sp => new AptoideTarget(sp.GetRequiredService<RunScope>(), aptoide,
            sp.GetRequiredService<AptoideApkUploader>(), sp.GetRequiredService<AptoideAccessTokens>(),
            sp.GetRequiredService<CallMeter>(), sp.GetRequiredService<SecretRegistry>(),
            sp.GetRequiredService<ILogger<AptoideTarget>>()));
        return services;
    }

    // The endpoints are relative to the base ("3/uploadAppToRepo"); without the slash its last segment would be dropped.
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
