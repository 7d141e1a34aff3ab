using System.Net.Http.Headers;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>The headers GitHub's REST API asks for on every request made without Octokit.</summary>
public sealed class GitHubTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Headers.Accept.Count == 0) request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        return base.SendAsync(request, cancellationToken);
    }
}
