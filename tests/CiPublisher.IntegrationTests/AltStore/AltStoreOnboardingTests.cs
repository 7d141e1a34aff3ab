using System.Text.Json;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Emulators.Hosting;
using Microsoft.Extensions.DependencyInjection;

using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.AltStore;

[Trait(InProcess.Trait, InProcess.Value)]
public sealed class AltStoreOnboardingTests : IAsyncLifetime
{
    // Distinctive, so any leak is found wherever it lands.
    private const string Token = "c2VjdXJpdHktdG9rZW4tQ0FOQVJZLTdmM2E5";
    private static readonly AltStoreSettings Developer = new() { DeveloperId = "A1B2C3D4E5", Email = "dev@example.org" };
    private AltStoreHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await AltStoreHarness.StartAsync();
        _harness.Emulator.NextToken = Token;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<OnboardingResult> RegisterAsync(TokenDelivery delivery, AltStoreSettings? altstore = null, bool dryRun = false) =>
        _harness.Services(_harness.Settings(altstore ?? Developer, dryRun)).GetRequiredService<AltStoreOnboarding>()
            .RegisterAsync(delivery, CancellationToken.None);

    [Fact]
    public async Task Register_InCi_WritesTheTokenOnlyToItsFile_NeverToLogsResultOrOutputs()
    {
        var onboarding = await RegisterAsync(TokenDelivery.WriteToFile);

        onboarding.Result.Outcome.Should().Be(Outcome.Succeeded);
        onboarding.Token.Should().BeNull();
        var path = onboarding.Result.Items.Single().Facts["token-file"];
        path.Should().Be(Path.Combine(_harness.WorkingDirectory, AltStoreOnboarding.TokenFileName));
        (await File.ReadAllTextAsync(path)).Trim().Should().Be(Token);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        onboarding.Result.Notes.Should().Contain(n => n.Contains(path, StringComparison.Ordinal) && n.Contains("delete", StringComparison.Ordinal));

        var everythingShown = JsonSerializer.Serialize(onboarding.Result) + _harness.Logs.Text;
        everythingShown.Should().NotContain(Token).And.NotContain(Token[..16]);
        onboarding.Result.Outputs.Should().BeEmpty();
        _harness.Logs.Text.Should().Contain("A1B2C3D4E5", "the log should still say what happened");
        _harness.Secrets.Redact($"x {Token} y").Should().Be("x *** y", "the token is registered for masking before anything is logged");
        _harness.Emulator.Registrations.Should().Equal(new global::CiPublisher.Emulators.AltStore.AltStoreEmulator.Registration("A1B2C3D4E5", "dev@example.org"));
    }

    [Fact]
    public async Task Register_Locally_ReturnsTheTokenToPrintOnce_AndFormattingItShowsTheMask()
    {
        var onboarding = await RegisterAsync(TokenDelivery.ReturnToCaller);

        onboarding.Result.Outcome.Should().Be(Outcome.Succeeded);
        onboarding.Token!.Reveal().Should().Be(Token);
        onboarding.Token.Expiration.Should().Be(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero));
        $"{onboarding.Token}".Should().Be("***");
        onboarding.Result.Items.Single().Facts.Should().NotContainKey("token-file");
        File.Exists(Path.Combine(_harness.WorkingDirectory, AltStoreOnboarding.TokenFileName)).Should().BeFalse();
        (JsonSerializer.Serialize(onboarding.Result) + _harness.Logs.Text).Should().NotContain(Token);
    }

    [Fact]
    public async Task Register_ServiceRejects_FailsWithItsAnswer_AndTheErrorBodyIsMasked()
    {
        // An error body that echoes a token must not carry it into the report.
        _harness.Emulator.Faults.Add(Fault.Status("POST", "/register", 409, $$"""{"error":"already registered","token":"{{Token}}"}"""));

        var onboarding = await RegisterAsync(TokenDelivery.WriteToFile);

        onboarding.Result.Outcome.Should().Be(Outcome.Failed);
        onboarding.Result.Reason.Should().Contain("HTTP 409").And.Contain("already registered").And.NotContain(Token);
        File.Exists(Path.Combine(_harness.WorkingDirectory, AltStoreOnboarding.TokenFileName)).Should().BeFalse();
    }

    [Fact]
    public async Task Register_DryRun_SendsNothing()
    {
        var onboarding = await RegisterAsync(TokenDelivery.WriteToFile, dryRun: true);

        onboarding.Result.Outcome.Should().Be(Outcome.Skipped);
        onboarding.Result.Reason.Should().Contain("would register developer ID A1B2C3D4E5");
        _harness.Emulator.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task Register_WithoutEmail_FailsNamingTheInputBeforeAnyRequest()
    {
        var onboarding = await RegisterAsync(TokenDelivery.WriteToFile, Developer with { Email = " " });

        onboarding.Result.Outcome.Should().Be(Outcome.Failed);
        onboarding.Result.Reason.Should().Contain("altstore-email").And.NotContain("altstore-developer-id");
        _harness.Emulator.Journal.Count.Should().Be(0);
    }
}
