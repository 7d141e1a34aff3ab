using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore.Package;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;
using CiPublisher.Core.Targets.AltStore;

namespace CiPublisher.Core.Targets.GitHub;

public static class GitHubTargetRegistration
{
    /// <summary>
    /// The GitHub module: the write-back (<c>github-release</c>, <c>github-pr-comment</c>), the release assets
    /// (<c>github-release-assets</c>) and the ADP's files (<c>altstore-adp-host: github-release</c>, as the AltStore
    /// module's <see cref="IAdpHost"/>), over one Octokit client and, for the assets, the REST API directly.
    /// </summary>
    public static IServiceCollection AddGitHubTarget(this IServiceCollection services, RunSettings settings)
    {
        var hostsAdp = settings.AltStore?.AdpHost == AdpHostKind.GitHubRelease;
        if (settings.GitHub is not { } github || !(github.Release || github.PullRequestComment || github.ReleaseAssets || hostsAdp)) return services;
        services.AddSingleton(github);
        services.AddSingleton<IGitHubClient>(sp => GitHubClientFactory.Create(github, () => new ResilienceHandler(GitHubGateway.Service,
            settings.Http, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(GitHubGateway.Service))
        {
            // Counted like every service's requests, and over our primary handler, so HTTPS_PROXY/NO_PROXY are honoured.
            InnerHandler = new CallCountingHandler(GitHubGateway.Service, sp.GetRequiredService<CallMeter>())
            {
                InnerHandler = HttpClientRegistration.CreatePrimaryHandler(),
            },
        }));
        services.AddSingleton<IReportTarget, GitHubReportTarget>();
        if (github.ReleaseAssets || hostsAdp)
        {
            services.AddServiceClient<IGitHubAssetsApi>(GitHubGateway.Service, GitHubClientFactory.ApiRoot(github.ApiUrl), GitHubJsonContext.Default,
                _ => new GitHubTokenHandler(github.Token));
            services.AddSingleton<GitHubAssetsClient>();
        }
        if (github.ReleaseAssets) services.AddSingleton<IPublishTarget, GitHubAssetsTarget>();
        if (hostsAdp) services.AddSingleton<IAdpHost, GitHubReleaseAdpHost>();
        return services;
    }
}
