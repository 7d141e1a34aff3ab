using System.Net.Http.Headers;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Labels Octokit's JSON bodies as <c>application/json</c>. Octokit serializes every request object to a JSON string
/// but labels it <c>application/x-www-form-urlencoded</c> unless the caller names a type, which its high-level clients
/// never do. GitHub's documentation asks for JSON, and GitHub-compatible servers (Enterprise proxies, Gitea-style
/// APIs) refuse the form label. Octokit's only other bodies are asset streams, which carry their own type.
/// </summary>
public sealed class OctokitJsonLabelHandler : DelegatingHandler
{
    private const string OctokitDefaultLabel = "application/x-www-form-urlencoded";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is StringContent { Headers.ContentType.MediaType: OctokitDefaultLabel } json)
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return base.SendAsync(request, cancellationToken);
    }
}
