using System.Globalization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// The one-time onboarding (<c>altstore --register</c>): registers the Apple developer ID with AltStore and hands over
/// the security token to enter in App Store Connect (Users and Access → Integrations → Marketplace).
/// </summary>
public sealed class AltStoreOnboarding(RunScope scope, AltStoreSettings altstore, AltStoreGateway gateway, CallMeter calls, SecretRegistry secrets,
    ILogger<AltStoreOnboarding> logger)
{
    public const string TokenFileName = "altstore-token.txt";
    private const string Name = "AltStore registration";

    public async Task<OnboardingResult> RegisterAsync(TokenDelivery delivery, CancellationToken cancellationToken)
    {
        var missing = new[] { (AltStoreInputs.DeveloperId.Name, altstore.DeveloperId), (AltStoreInputs.Email.Name, altstore.Email) }
            .Where(input => string.IsNullOrWhiteSpace(input.Item2)).Select(input => input.Item1).ToList();
        if (missing.Count > 0) return new(TargetResult.Failed(Name, $"registration needs {string.Join(" and ", missing)}"), null);
        var developerId = altstore.DeveloperId!.Trim();
        var email = altstore.Email!.Trim();

        if (scope.DryRun)
            return new(TargetResult.Skipped(Name, $"dry run: would register developer ID {developerId} ({email}) with AltStore"), null);

        SecurityToken token;
        try
        {
            var (value, expiration) = await gateway.RegisterAsync(developerId, email, cancellationToken);
            token = new SecurityToken(value, expiration);
        }
        catch (RemoteServiceException failure)
        {
            return new(TargetResult.Failed(Name, secrets.Redact(failure.Message)), null);
        }
        logger.LogInformation("AltStore: developer ID {DeveloperId} registered; token expires {Expiration}", developerId, Expires(token));

        var facts = new Dictionary<string, string> { ["developer-id"] = developerId, ["expires"] = Expires(token) };
        var notes = new List<string>
        {
            "Enter the security token in App Store Connect (Users and Access → Integrations → Marketplace) to add AltStore PAL as a marketplace.",
        };
        if (delivery == TokenDelivery.WriteToFile)
        {
            var path = Path.Combine(scope.WorkingDirectory, TokenFileName);
            try
            {
                await WriteOwnerOnlyAsync(path, token.Reveal(), cancellationToken);
            }
            catch (IOException failure)
            {
                return new(TargetResult.Failed(Name, $"registered, but the token could not be written to {path}: {secrets.Redact(failure.Message)}"), null);
            }
            facts["token-file"] = path;
            notes.Add($"The token is not printed in CI: it is in {path}. Copy it, then delete that file (and never upload it as an artifact).");
        }

        var result = new TargetResult
        {
            Target = Name,
            Outcome = Outcome.Succeeded,
            Reason = $"registered developer ID {developerId}",
            Items = [new ItemResult { Name = $"developer {developerId}", Outcome = Outcome.Succeeded, Facts = facts }],
            Figures = new Dictionary<string, string> { [CallMeter.FigureName] = calls.Figure(AltStoreGateway.Service) },
            Notes = notes,
        };
        return new(result, delivery == TokenDelivery.ReturnToCaller ? token : null);
    }

    private static string Expires(SecurityToken token) =>
        token.Expiration?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(not stated)";

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(text.AsMemory(), cancellationToken);
    }
}
