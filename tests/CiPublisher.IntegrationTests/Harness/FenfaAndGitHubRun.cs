using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.GitHub;
using CiPublisher.Emulators.Samples;

namespace CiPublisher.IntegrationTests.Harness;

/// <summary>
/// The real program publishing an IPA to the Fenfa emulator, with the GitHub emulator beside it for the write-back:
/// the setup the end-to-end tests of GitHub features share. The GitHub inputs are each test's to give.
/// </summary>
public abstract class FenfaAndGitHubRun(string token) : IAsyncLifetime
{
    protected const string Repository = "octo-org/lumen";

    protected string Token { get; } = token;
    protected FenfaEmulator Fenfa { get; } = new();
    protected GitHubEmulator GitHub { get; } = new(token);
    protected GitHubActionRun Run { get; } = new();

    public async Task InitializeAsync()
    {
        await Fenfa.StartAsync();
        await GitHub.StartAsync();
        GitHub.AddRepository(Repository);
        Run.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        Run.Input("artifacts", "build/*.ipa").Input("fenfa-url", Fenfa.BaseUrl.ToString())
            .Input("fenfa-token", "dev-admin-token").Input("fenfa-product", "lumen");
        GiveInputs();
    }

    /// <summary>The inputs every test of a class gives, once the emulators are up.</summary>
    protected virtual void GiveInputs()
    {
    }

    public async Task DisposeAsync()
    {
        Run.Dispose();
        await GitHub.DisposeAsync();
        await Fenfa.DisposeAsync();
    }
}
