using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

public static class GitHubTargetRegistration
{
    /// <summary>
    /// The GitHub module: the write-back (<c>github-release</c>, <c>github-pr-comment</c>) and the release assets
    /// (<c>github-release-assets</c>), over one Octokit client and, for the assets, the REST API directly.
    /// </summary>
    public static IServiceCollection AddGitHubTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.GitHub is not { } github || !(github.Release || github.PullRequestComment || github.ReleaseAssets)) return services;
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
        if (github.ReleaseAssets)
        {
            services.AddServiceClient<IGitHubAssetsApi>(GitHubGateway.Service, GitHubClientFactory.ApiRoot(github.ApiUrl),
                _ => new GitHubTokenHandler(github.Token));
            services.AddSingleton<GitHubAssetsClient>();
            services.AddSingleton<IPublishTarget, GitHubAssetsTarget>();
        }
        return services;
    }
}
