using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace CiPublisher.IntegrationTests.RealFenfa;

/// <summary>
/// The real Fenfa server (openprx/fenfa built from source, in ../shared/fenfa), started by its own start.sh on
/// 127.0.0.1 with a fresh data dir: one per test class (<see cref="IClassFixture{T}"/>), stopped and deleted on dispose.
/// </summary>
public sealed class RealFenfaServer : IAsyncLifetime
{
    public const string AdminToken = "real-admin-5d1c9e7a3b-canary";
    public const string UploadToken = "real-upload-8b2f4a6c0e-canary";

    private string? _pid;

    public Uri Url { get; private set; } = null!;

    /// <summary>For the test's own reads and settings changes (admin token by default).</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var start = Script("--admin-token", AdminToken, "--upload-token", UploadToken);
        var (code, stdout, stderr) = await RunAsync(start);
        if (code != 0) throw new InvalidOperationException($"start.sh exited {code}; the server's log:\n{stderr}");
        var values = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        _pid = values["FENFA_PID"];
        Url = new Uri(values["FENFA_URL"]);
        Http = new HttpClient { BaseAddress = Url };
        Http.DefaultRequestHeaders.Add("X-Auth-Token", AdminToken);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_pid is not null) await RunAsync(Script("stop", _pid));
    }

    /// <summary>Sets the domains the server builds its links from (organization is required with every call).</summary>
    public async Task SetDomainsAsync(string primary, params string[] secondaries)
    {
        using var response = await Http.PutAsJsonAsync("/admin/api/settings",
            new { primary_domain = primary, secondary_domains = secondaries, organization = "Fenfa Distribution" });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>Every product with its variants and their releases, as the admin API lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> ProductsAsync()
    {
        var list = await GetJsonAsync("/admin/api/products?limit=1000");
        var products = new List<JsonElement>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
            products.Add(await GetJsonAsync($"/admin/api/products/{item.GetProperty("id").GetString()}"));
        return products;
    }

    /// <summary>The SHA-256 of the bytes the server serves for a release (through its own address, whatever the domains say).</summary>
    public async Task<string> DownloadedSha256Async(string releaseId)
    {
        using var response = await Http.GetAsync($"/d/{releaseId}");
        response.EnsureSuccessStatusCode();
        return Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
    }

    public async Task SetPublishedAsync(string kind, string id, bool published)
    {
        using var response = await Http.PutAsJsonAsync($"/admin/api/{kind}/{id}", new { published });
        response.EnsureSuccessStatusCode();
    }

    internal static string? StartScript => RepositoryPaths.Shared(Path.Combine("fenfa", "start.sh"));

    private static ProcessStartInfo Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(StartScript ?? throw new InvalidOperationException(RealFenfaFactAttribute.AbsentReason));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>
/// A fact that needs the real Fenfa server: skipped, saying why, when ../shared/fenfa is absent or `start.sh check`
/// says this machine cannot run it (exit 3). CI has it and runs these.
/// </summary>
public sealed class RealFenfaFactAttribute : FactAttribute
{
    internal const string AbsentReason = "The real Fenfa server (../shared/fenfa beside the folder holding CiPublisher.sln) is absent.";

    private static readonly Lazy<string?> WhyNot = new(() =>
    {
        if (RealFenfaServer.StartScript is not { } script) return AbsentReason;
        var check = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        check.ArgumentList.Add(script);
        check.ArgumentList.Add("check");
        var (code, stdout, stderr) = RealFenfaServer.RunAsync(check).GetAwaiter().GetResult();
        return code == 3 ? $"The real Fenfa server cannot run on this machine: {(stdout + stderr).Trim()}" : null;
    });

    public RealFenfaFactAttribute()
    {
        if (WhyNot.Value is { } reason) Skip = reason;
    }
}
