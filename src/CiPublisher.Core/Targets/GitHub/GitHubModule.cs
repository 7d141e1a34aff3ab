using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Settings.Inputs;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AltStore.Package;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// GitHub: the write-back (<c>github-release</c>, <c>github-pr-comment</c>), the release assets
/// (<c>github-release-assets</c>) and the ADP's files (as the AltStore module's <see cref="IAdpHost"/>, used with
/// <c>altstore-adp-host: github-release</c>), over one Octokit client and, for the assets, the REST API directly.
/// The token is bound too when <c>release-notes-from: pr</c> reads the pull request.
/// </summary>
public sealed class GitHubModule : TargetModule<GitHubSettings>
{
    public override InputGroup Inputs => GitHubInputs.Group;

    public override GitHubSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var neededFor = scope.Settings<AltStoreSettings>()?.AdpHost == AdpHostKind.GitHubRelease ? "altstore-adp-host: github-release"
            : scope.ReleaseNotesFromPullRequest ? "release-notes-from: pr" : null;
        var release = inputs.Bool(GitHubInputs.Release);
        var comment = inputs.Bool(GitHubInputs.PrComment);
        var assets = inputs.Bool(GitHubInputs.ReleaseAssets);
        if (!release && !comment && !assets && neededFor is null) return null;

        var token = inputs.Text(GitHubInputs.Token);
        if (token is null)
            inputs.Fail(GitHubInputs.Token, $"is required with {(neededFor is null ? "github-release, github-release-assets or github-pr-comment" : neededFor)} " +
                                            "(in a workflow: ${{ secrets.GITHUB_TOKEN }})");

        var apiUrl = inputs.Url(GitHubInputs.ApiUrl)
                     ?? (scope.Environment.GetValueOrDefault("GITHUB_API_URL") is { Length: > 0 } fromRunner ? new Uri(fromRunner.TrimEnd('/') + "/") : null)
                     ?? GitHubSettings.DefaultApiUrl;
        var given = inputs.Text(GitHubInputs.Repository) ?? scope.Context.Repository;
        var repository = RepositoryName.Parse(given);
        if (repository is null) inputs.Fail(GitHubInputs.Repository, $"'{given}' is not owner/name; give github-repository");

        return new GitHubSettings
        {
            Token = token ?? "",
            ApiUrl = apiUrl,
            Repository = repository ?? new RepositoryName("", ""),
            Release = release,
            PullRequestComment = comment,
            ReleaseAssets = assets,
            ReleaseChecksums = inputs.Bool(GitHubInputs.ReleaseChecksums),
        };
    }

    public override void Register(IServiceCollection services, GitHubSettings github)
    {
        services.AddSingleton(github);
        services.AddSingleton<IGitHubClient>(sp => GitHubClientFactory.Create(github, () => new ResilienceHandler(GitHubGateway.Service,
            sp.GetRequiredService<RunScope>().Http, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(GitHubGateway.Service))
        {
            // Counted like every service's requests, and over our primary handler, so HTTPS_PROXY/NO_PROXY are honoured.
            InnerHandler = new CallCountingHandler(GitHubGateway.Service, sp.GetRequiredService<CallMeter>())
            {
                InnerHandler = HttpClientRegistration.CreatePrimaryHandler(),
            },
        }));
        services.AddSingleton<IReportTarget, GitHubReportTarget>();
        services.AddServiceClient<IGitHubAssetsApi>(GitHubGateway.Service, GitHubClientFactory.ApiRoot(github.ApiUrl), GitHubJsonContext.Default,
            _ => new GitHubTokenHandler(github.Token));
        services.AddSingleton<GitHubAssetsClient>();
        if (github.ReleaseAssets) services.AddSingleton<IPublishTarget, GitHubAssetsTarget>();
        services.AddSingleton<IAdpHost, GitHubReleaseAdpHost>();
    }
}
