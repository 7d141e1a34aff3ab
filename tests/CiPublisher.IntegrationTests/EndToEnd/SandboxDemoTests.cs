using CiPublisher.Emulators.Sandbox;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.EndToEnd;

/// <summary>README's first command keeps working: every run of the demo succeeds and shows what it promises.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
public sealed class SandboxDemoTests
{
    [Fact]
    public async Task TheDemo_PublishesOnce_RegistersDevicesAndReplacesTheProfile_ThenRunsThePalChain()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var time = new DelayAwareClock(DateTimeOffset.UtcNow);

        // Synchronized as the console is: the program's log lines and its platform's commands come from several threads.
        var exit = await time.RunUntilDoneAsync(SandboxDemo.RunAsync(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), time));

        var output = stdout.ToString();
        exit.Should().Be(0, output + stderr);
        output.Should().Contain("GitHub release v2.4.1 has one distribution section")
            .And.Contain("App Store Connect holds 3 device(s)")
            .And.Contain("holds 2 (the Apple TV cannot enter an iOS profile)")
            .And.Contain("GitHub release v2.5.0 holds 5 ADP file(s)")
            .And.Contain("with 5 assetURLs; AltStore federated 2 time(s); the re-run left source.json unchanged");
    }
}
