using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.GitHub;

public static class GitHubTargetRegistration
{
    /// <summary>Adds the GitHub write-back when <c>github-release</c> or <c>github-pr-comment</c> is on.</summary>
    public static IServiceCollection AddGitHubTarget(this IServiceCollection services, RunSettings settings)
    {
        if (settings.GitHub is not { } github || !(github.Release || github.PullRequestComment)) return services;
        services.AddSingleton<IReportTarget>(sp => new GitHubReportTarget(
            sp.GetRequiredService<RunSettings>(),
            GitHubClientFactory.Create(github, () => new ResilienceHandler(GitHubGateway.Service, settings.Http,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(GitHubGateway.Service))
            {
                // Counted like every service's requests, and over our primary handler, so HTTPS_PROXY/NO_PROXY are honoured.
                InnerHandler = new CallCountingHandler(GitHubGateway.Service, sp.GetRequiredService<CallMeter>())
                {
                    InnerHandler = HttpClientRegistration.CreatePrimaryHandler(),
                },
            }),
            sp.GetRequiredService<CallMeter>(),
            sp.GetRequiredService<SecretRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GitHubReportTarget>>()));
        return services;
    }
}
