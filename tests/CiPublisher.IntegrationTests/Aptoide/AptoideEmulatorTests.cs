using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Aptoide;

/// <summary>The emulator keeps the contract's shapes that the target's own tests do not exercise.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed by IAsyncLifetime.DisposeAsync")]
public sealed class AptoideEmulatorTests : IAsyncLifetime
{
    private readonly AptoideEmulator _emulator = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        await _emulator.StartAsync();
        _emulator.AddAccount("ci@examplelabs.test", "pw-emulator-1", "examplelabs");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task TokenRequest_AsJson_IsAcceptedLikeTheFormOne()
    {
        using var json = JsonContent.Create(new
        {
            grant_type = "password", client_id = "Aptoide", username = "ci@examplelabs.test", password = "pw-emulator-1", mode = "json",
        });
        await json.LoadIntoBufferAsync(); // with a Content-Length: the emulator refuses chunked bodies
        using var response = await _http.PostAsync(new Uri(_emulator.ApiUrl, "3/oauth2Authentication"), json);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("access_token").GetString().Should().Be(_emulator.IssuedAccessTokens.Single());
    }

    [Theory]
    [InlineData("password", "Other", "invalid_client")]
    [InlineData("client_credentials", "Aptoide", "unsupported_grant_type")]
    public async Task TokenRequest_WithAWrongGrantOrClient_AnswersAnOAuthError(string grantType, string clientId, string error)
    {
        using var response = await _http.PostAsync(new Uri(_emulator.ApiUrl, "3/oauth2Authentication"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = grantType, ["client_id"] = clientId, ["username"] = "ci@examplelabs.test", ["password"] = "pw-emulator-1",
            }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be(error);
    }

    [Fact]
    public async Task Upload_WithoutModeJson_AnswersInXml()
    {
        _emulator.AddToken("tok-emulator-1", "ci@examplelabs.test");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("tok-emulator-1"), "access_token" },
            { new StringContent("examplelabs"), "repo" },
            { new StringContent("0123456789abcdef0123456789abcdef"), "apk_md5sum" },
        };

        using var response = await _http.PostAsync(new Uri(_emulator.ApiUrl, "3/uploadAppToRepo"), form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<status>FAIL</status>").And.Contain("APK-5");
    }

    [Fact]
    public async Task Upload_WithoutToken_FailsWithHttp200()
    {
        using var form = new MultipartFormDataContent { { new StringContent("json"), "mode" }, { new StringContent("examplelabs"), "repo" } };

        using var response = await _http.PostAsync(new Uri(_emulator.ApiUrl, "3/uploadAppToRepo"), form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("FAIL");
        body.GetProperty("errors")[0].GetProperty("msg").GetString().Should().Be("Missing token parameter");
    }
}
