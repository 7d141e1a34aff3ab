using System.Net;
using System.Text;
using System.Text.Json;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.Targets.GitHub;

public class GitHubClientFactoryTests
{
    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/")]
    public void ApiRoot_TakesTheUrlAsGiven_WithATrailingSlash(string given, string expected) =>
        GitHubClientFactory.ApiRoot(new Uri(given)).AbsoluteUri.Should().Be(expected);

    [Fact]
    public void Create_PointsOctokitAtTheGivenRoot_WithoutAddingApiV3()
    {
        var client = GitHubClientFactory.Create(new GitHubSettings
        {
            Token = "t", ApiUrl = new Uri("https://ghe.example.com/api/v3"), Repository = new RepositoryName("o", "r"),
        });

        client.Connection.BaseAddress.AbsoluteUri.Should().Be("https://ghe.example.com/api/v3/");
    }

    [Fact]
    public async Task OctokitBodies_GoOutAsJson_WithALength()
    {
        var wire = new RecordingWire("""{"id":7,"body":"Build 42 is ready"}""");
        var client = GitHubClientFactory.Create(
            new GitHubSettings { Token = "t", ApiUrl = new Uri("http://127.0.0.1:5123/"), Repository = new RepositoryName("o", "r") }, () => wire);

        await client.Issue.Comment.Create("acme", "app", 12, "Build 42 is ready");

        wire.MediaType.Should().Be("application/json");
        wire.ContentLength.Should().BePositive();
        JsonDocument.Parse(wire.Body!).RootElement.GetProperty("body").GetString().Should().Be("Build 42 is ready");
    }

    private sealed class RecordingWire(string answer) : HttpMessageHandler
    {
        public string? MediaType { get; private set; }
        public long? ContentLength { get; private set; }
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            MediaType = request.Content?.Headers.ContentType?.MediaType;
            ContentLength = request.Content?.Headers.ContentLength;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent(answer, Encoding.UTF8, "application/json"),
            };
        }
    }
}
