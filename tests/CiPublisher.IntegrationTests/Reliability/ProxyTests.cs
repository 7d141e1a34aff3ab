using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Samples;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>
/// HTTP_PROXY and NO_PROXY, as a runner behind a corporate proxy sets them. fenfa-url names a port where nothing
/// listens; the Fenfa emulator plays the proxy (Kestrel serves absolute-form request targets), so the publish can only
/// succeed if every request went through the proxy. HTTPS_PROXY takes the same path (HttpClient's default proxy) but
/// tunnels with CONNECT, which would need a TLS emulator.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private readonly FenfaEmulator _proxy = new() { AdminToken = "proxy-fenfa-admin" };
    private readonly GitHubActionRun _run = new();

    public async Task InitializeAsync()
    {
        await _proxy.StartAsync();
        _run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        _run.Input("artifacts", "build/*.ipa").Input("fenfa-url", "http://127.0.0.1:9/").Input("retry-max-attempts", "0")
            .Input("fenfa-token", "proxy-fenfa-admin").Input("fenfa-product", "lumen");
        _run.Environment["HTTP_PROXY"] = _proxy.BaseUrl.ToString();
    }

    public async Task DisposeAsync()
    {
        _run.Dispose();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task HttpProxy_CarriesEveryRequest()
    {
        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        _proxy.Releases.Should().ContainSingle();
        _proxy.Journal.Entries.Should().OnlyContain(e => e.Headers["Host"] == "127.0.0.1:9", "each request was addressed to fenfa-url, through the proxy");
    }

    [Fact]
    public async Task NoProxy_NamingTheHost_BypassesTheProxy()
    {
        _run.Environment["NO_PROXY"] = "127.0.0.1";

        var run = await _run.RunAsync();

        run.ExitCode.Should().Be(1, "nothing listens on fenfa-url itself");
        _proxy.Journal.Count.Should().Be(0);
    }
}
