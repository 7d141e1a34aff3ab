using CiPublisher.Ci;
using CiPublisher.Cli;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.VerbHandlers;

/// <summary>
/// <c>altstore --register</c>: the security token is a secret. Where the platform may show a secret once (a terminal)
/// it is printed once; in CI it goes to a file whose path the result reports, because a masked value can be neither
/// logged usefully nor set as an output.
/// </summary>
public sealed class AltStoreRegistrationVerb(ICiPlatform platform, SecretRegistry secrets, TimeProvider time, TextWriter stdout,
    TextWriter stderr, RunReporter reporter)
{
    public async Task<int> RunAsync(RunSettings settings, CancellationToken cancellation)
    {
        var services = ServiceGraph.Build(settings, platform, secrets, time, stdout, stderr);
        var delivery = platform.MayShowSecretOnce ? TokenDelivery.ReturnToCaller : TokenDelivery.WriteToFile;
        var onboarding = await services.GetRequiredService<AltStoreOnboarding>().RegisterAsync(delivery, cancellation);
        await services.DisposeAsync();
        if (onboarding.Token is { } token)
            stdout.WriteLine($"AltStore security token (enter it in App Store Connect; it is shown this once): {token.Reveal()}");
        var report = reporter.Report(Cli.Verbs.AltStore, [], [onboarding.Result], dryRun: settings.DryRun);
        return reporter.Finish(report, report.Succeeded ? ExitCodes.Success : ExitCodes.TargetFailed);
    }
}
