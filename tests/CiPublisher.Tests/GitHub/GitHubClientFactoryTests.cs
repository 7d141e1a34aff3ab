using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.GitHub;

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
        var client = GitHubClientFactory.Create(new Core.Settings.GitHubSettings
        {
            Token = "t", ApiUrl = new Uri("https://ghe.example.com/api/v3"),
        });

        client.Connection.BaseAddress.AbsoluteUri.Should().Be("https://ghe.example.com/api/v3/");
    }
}
