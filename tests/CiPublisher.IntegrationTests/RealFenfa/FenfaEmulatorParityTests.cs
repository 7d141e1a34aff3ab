using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.RealFenfa;

/// <summary>
/// The same requests to the real server and to the emulator, answered alike (status, content type, body with IDs
/// masked): where they differed, the server was right, and the emulator was made to follow it.
/// </summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class FenfaEmulatorParityTests(RealFenfaServer real) : IClassFixture<RealFenfaServer>, IAsyncLifetime
{
    private const string IosAgent = "com.apple.appstored/1.0 iOS/17.4 model/iPhone15,2 hwp/t8120 build/21E219 (6; dt:282) AMS/1 CFNetwork/1494.0.7 Darwin/23.4.0";

    private readonly FenfaEmulator _emulator = new() { AdminToken = RealFenfaServer.AdminToken, UploadToken = RealFenfaServer.UploadToken };
    private HttpClient _emulatorHttp = null!;

    public async Task InitializeAsync()
    {
        await _emulator.StartAsync();
        _emulator.PrimaryDomain = _emulator.BaseUrl.ToString().TrimEnd('/'); // as start.sh sets the real one's
        _emulatorHttp = new HttpClient { BaseAddress = _emulator.BaseUrl };
        _emulatorHttp.DefaultRequestHeaders.Add("X-Auth-Token", RealFenfaServer.AdminToken);
    }

    public async Task DisposeAsync()
    {
        _emulatorHttp.Dispose();
        await _emulator.DisposeAsync();
    }

    [RealFenfaFact]
    public async Task PublicAnswers_ErrorsAndSettings_AreTheServers()
    {
        var server = await SeedAsync(real.Http);
        var emulator = await SeedAsync(_emulatorHttp);

        foreach (var (method, path, agent, body) in Probes(server))
        {
            var expected = await AskAsync(real.Http, method, path, agent, body, server);
            var actual = await AskAsync(_emulatorHttp, method, Swap(path, server, emulator), agent, body, emulator);
            actual.Should().Be(expected, $"{method} {path} ({agent ?? "no agent"}) is answered as the server answers it");
        }

        await SetPublishedAsync(real.Http, server.IosVariant, false);
        await SetPublishedAsync(_emulatorHttp, emulator.IosVariant, false);
        (await AskAsync(_emulatorHttp, "GET", $"/d/{emulator.IosRelease}", null, null, emulator))
            .Should().Be(await AskAsync(real.Http, "GET", $"/d/{server.IosRelease}", null, null, server), "an unpublished variant's download");
        (await AskAsync(_emulatorHttp, "GET", $"/ios/{emulator.IosRelease}/manifest.plist", IosAgent, null, emulator))
            .Should().Be(await AskAsync(real.Http, "GET", $"/ios/{server.IosRelease}/manifest.plist", IosAgent, null, server), "an unpublished variant's manifest");
    }

    private static IEnumerable<(string Method, string Path, string? Agent, object? Body)> Probes(Seeded s) =>
    [
        ("GET", "/d/rel_0000000000000000", null, null),
        ("GET", "/ios/rel_0000000000000000/manifest.plist", IosAgent, null),
        ("GET", $"/ios/{s.IosRelease}/manifest.plist", "curl/8.5.0", null),
        ("GET", $"/ios/{s.AndroidRelease}/manifest.plist", IosAgent, null),
        ("GET", $"/ios/{s.IosRelease}/manifest.plist", IosAgent, null),
        ("GET", "/api/products/slug/parity", null, null),
        ("GET", "/products/parity", null, null),
        ("PUT", "/admin/api/settings", null, new { primary_domain = "https://x.example.com" }),
        ("PUT", "/admin/api/settings", null, new { organization = "Fenfa Distribution" }),
        ("PUT", "/admin/api/settings", null, new { primary_domain = "https://dist.example.com/", secondary_domains = new[] { "https://cdn.example.com/" }, organization = "Fenfa Distribution" }),
        ("GET", $"/ios/{s.IosRelease}/manifest.plist", IosAgent, null),
        ("GET", "/api/products/slug/parity", null, null),
        ("PUT", "/admin/api/settings", null, new { primary_domain = "https://dist.example.com", organization = "Fenfa Distribution" }),
        ("GET", "/admin/api/settings", null, null),
    ];

    private sealed record Seeded(string ProductId, string IosVariant, string AndroidVariant, string IosRelease, string AndroidRelease);

    private static async Task<Seeded> SeedAsync(HttpClient http)
    {
        var product = await DataAsync(await http.PostAsJsonAsync("/admin/api/products", new { name = "Parity", slug = "parity" }));
        var productId = product.GetProperty("product").GetProperty("id").GetString()!;
        var ios = await DataAsync(await http.PostAsJsonAsync($"/admin/api/products/{productId}/variants", new { platform = "ios", identifier = "com.example.parity", installer_type = "ipa" }));
        var android = await DataAsync(await http.PostAsJsonAsync($"/admin/api/products/{productId}/variants", new { platform = "android", identifier = "com.example.parity", installer_type = "apk" }));
        var iosVariant = ios.GetProperty("variant").GetProperty("id").GetString()!;
        var androidVariant = android.GetProperty("variant").GetProperty("id").GetString()!;
        return new Seeded(productId, iosVariant, androidVariant,
            await UploadAsync(http, iosVariant, "Parity.ipa", SampleArtifacts.Ipa()),
            await UploadAsync(http, androidVariant, "parity.apk", SampleArtifacts.Apk()));
    }

    private static async Task<string> UploadAsync(HttpClient http, string variantId, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(variantId), "variant_id" },
            { new StringContent("2.4.1"), "version" },
            { new StringContent("418"), "build" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "app_file", fileName);
        var data = await DataAsync(await http.PostAsync("/upload", form));
        return data.GetProperty("release").GetProperty("id").GetString()!;
    }

    private static async Task SetPublishedAsync(HttpClient http, string variantId, bool published) =>
        (await http.PutAsJsonAsync($"/admin/api/variants/{variantId}", new { published })).EnsureSuccessStatusCode();

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.Should().BeTrue(body);
            return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
        }
    }

    /// <summary>Status, media type and body, with the seeded IDs, the server's address and times masked, JSON canonical.</summary>
    private static async Task<string> AskAsync(HttpClient http, string method, string path, string? agent, object? body, Seeded ids)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (agent is not null) request.Headers.TryAddWithoutValidation("User-Agent", agent);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        text = Swap(text, ids, new Seeded("PRODUCT", "IOS_VARIANT", "ANDROID_VARIANT", "IOS_RELEASE", "ANDROID_RELEASE"))
            .Replace(http.BaseAddress!.Authority, "HOST", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(http.BaseAddress!.Authority), "HOST", StringComparison.Ordinal);
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        if (media == "application/json") text = Canonical(JsonNode.Parse(text));
        else if (media == "text/html") text = "(a page)";
        else text = Regex.Replace(text, @">\s+<", "><").Trim();
        return $"{(int)response.StatusCode} {media} {text}";
    }

    /// <summary>Keys sorted; values of times and counters that differ by nature left out.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Where(p => p.Key is not ("created_at" or "updated_at" or "icon_url"))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static string Swap(string text, Seeded from, Seeded to) => text
        .Replace(from.IosRelease, to.IosRelease, StringComparison.Ordinal)
        .Replace(from.AndroidRelease, to.AndroidRelease, StringComparison.Ordinal)
        .Replace(from.IosVariant, to.IosVariant, StringComparison.Ordinal)
        .Replace(from.AndroidVariant, to.AndroidVariant, StringComparison.Ordinal)
        .Replace(from.ProductId, to.ProductId, StringComparison.Ordinal);
}
