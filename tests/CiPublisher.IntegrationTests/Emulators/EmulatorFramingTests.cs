using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CiPublisher.Emulators.AltStore;
using CiPublisher.Emulators.GitHub;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Emulators;

/// <summary>The emulators refuse what strict servers and proxies refuse, so a client that sends it fails a test.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class EmulatorFramingTests
{
    [Fact]
    public async Task AChunkedBody_IsRefusedWith411_AndTheSameBodyWithALength_IsTaken()
    {
        await using var altStore = new AltStoreEmulator();
        await altStore.StartAsync();
        using var http = new HttpClient { BaseAddress = altStore.BaseUrl };

        using var chunked = await http.PostAsync(new Uri("adps", UriKind.Relative), JsonContent.Create(new { adpID = "adp-1" }));
        using var framed = await http.PostAsync(new Uri("adps", UriKind.Relative),
            new StringContent("""{"adpID":"adp-1"}""", Encoding.UTF8, "application/json"));

        chunked.StatusCode.Should().Be(HttpStatusCode.LengthRequired);
        framed.StatusCode.Should().NotBe(HttpStatusCode.LengthRequired);
        altStore.ProcessRequests.Should().Equal("adp-1");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", """{"tag_name":"v1"}""", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", """{"tag_name":"v1",""", HttpStatusCode.BadRequest)]
    [InlineData("application/json", """{"tag_name":"v1"}""", HttpStatusCode.Created)]
    [InlineData("application/vnd.github+json", """{"tag_name":"v1"}""", HttpStatusCode.Created)]
    public async Task GitHub_TakesOnlyJsonBodies(string mediaType, string body, HttpStatusCode expected)
    {
        await using var github = new GitHubEmulator("gh-token");
        github.AddRepository("acme/app");
        await github.StartAsync();
        using var http = new HttpClient { BaseAddress = github.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "gh-token");
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);

        using var response = await http.PostAsync(new Uri("repos/acme/app/releases", UriKind.Relative), content);

        response.StatusCode.Should().Be(expected);
        github.Releases("acme/app").Should().HaveCount(expected == HttpStatusCode.Created ? 1 : 0);
        if (expected != HttpStatusCode.Created)
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"message\"", "GitHub's error shape");
    }
}
