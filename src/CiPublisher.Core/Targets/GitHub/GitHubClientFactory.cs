using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using Octokit;
using Octokit.Internal;

namespace CiPublisher.Core.Targets.GitHub;

public static class GitHubClientFactory
{
    /// <summary>
    /// An Octokit client for <c>github-api-url</c> taken as given. Octokit's own <c>GitHubClient(…, Uri)</c>
    /// appends <c>/api/v3/</c> to any host but api.github.com; we build the <see cref="Connection"/> directly
    /// instead, because GitHub Actions on GHES already passes <c>GITHUB_API_URL</c> with <c>/api/v3</c>, and an
    /// emulator serves at its root. Only a trailing slash is added, so relative endpoints land under the path.
    /// </summary>
    public static IGitHubClient Create(GitHubSettings settings) => Create(settings, HttpClientRegistration.CreatePrimaryHandler);

    /// <summary>
    /// An Octokit client whose requests go through <paramref name="handler"/>: in the program, the shared resilience
    /// handler over our primary handler, so GitHub's 5xx and dropped connections are retried like every other service's.
    /// </summary>
    public static IGitHubClient Create(GitHubSettings settings, Func<HttpMessageHandler> handler)
    {
        OctokitReflectionRoots.Keep();
        var credentials = new InMemoryCredentialStore(new Credentials(settings.Token));
        var http = new HttpClientAdapter(() => new OctokitJsonLabelHandler { InnerHandler = handler() });
        var connection = new Connection(new ProductHeaderValue("CiPublisher"), ApiRoot(settings.ApiUrl), credentials,
            http, new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    public static Uri ApiRoot(Uri apiUrl) =>
        apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
}
