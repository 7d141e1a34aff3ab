using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;

namespace CiPublisher.Cli;

internal static class AltStoreBinding
{
    public static AltStoreSettings? Bind(InputReader reader, string command, AltStoreOptions? modes)
    {
        var adpId = reader.Text("altstore-adp-id");
        var sourceFile = reader.ExistingFile("altstore-source-file");
        var sourceUrl = reader.Url("altstore-source-url", isBase: false);
        var developerId = reader.Text("altstore-developer-id");
        var email = reader.Text("altstore-email");
        var adpHost = AdpHostOf(reader);
        var adpDir = reader.Text("altstore-adp-dir");
        if (adpId is null && sourceFile is null && sourceUrl is null && developerId is null && adpHost == AdpHostKind.None && adpDir is null
            && command != Verbs.AltStore)
            return null;
        if (adpId is not null && AdpIdValidator.ProblemWith(adpId) is { } problem) reader.Fail("altstore-adp-id", problem);
        if (modes?.Register == true && (developerId is null || email is null))
            reader.Fail(developerId is null ? "altstore-developer-id" : "altstore-email", "is required with altstore --register (give altstore-developer-id and altstore-email)");

        var hostedUrl = reader.Url("altstore-hosted-url", isBase: false);
        if (adpId is null && adpHost != AdpHostKind.None)
            reader.Fail("altstore-adp-host", "needs altstore-adp-id: there is no ADP to host without one");
        if (adpId is null && adpDir is not null)
            reader.Fail("altstore-adp-dir", "needs altstore-adp-id: there is no ADP to unpack without one");
        var wait = reader.Bool("altstore-wait");
        if ((adpHost != AdpHostKind.None || adpDir is not null) && adpId is not null && !wait)
            reader.Fail("altstore-wait", $"is false, but {(adpHost != AdpHostKind.None ? "altstore-adp-host" : "altstore-adp-dir")} needs the " +
                                         "processed ADP: let the run wait for it (altstore-wait: true)");
        if (adpHost == AdpHostKind.GitHubRelease && hostedUrl is not null)
            reader.Fail("altstore-hosted-url", "points the source elsewhere, but altstore-adp-host: github-release points it at the release assets; give one");

        var defaults = new AltStoreSettings();
        return new AltStoreSettings
        {
            AdpId = adpId,
            ApiUrl = reader.Url("altstore-api-url") ?? defaults.ApiUrl,
            Wait = wait,
            WaitTimeout = reader.Duration("altstore-wait-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)) ?? defaults.WaitTimeout,
            SourceFile = sourceFile,
            SourceUrl = sourceUrl,
            DeveloperId = developerId,
            Email = email,
            MarketplaceId = reader.Text("altstore-marketplace-id"),
            HostedUrl = hostedUrl,
            AdpHost = adpHost,
            AdpDir = adpDir,
            Steps = StepsOf(modes),
        };
    }

    private static AdpHostKind AdpHostOf(InputReader reader)
    {
        switch (reader.Text("altstore-adp-host")?.ToLowerInvariant())
        {
            case null or "" or "none": return AdpHostKind.None;
            case "github-release": return AdpHostKind.GitHubRelease;
            case var other:
                reader.Fail("altstore-adp-host", $"'{other}' is not a host; use github-release (the tag's release assets) or none");
                return AdpHostKind.None;
        }
    }

    /// <summary><c>altstore --process-adp</c> and <c>--federate</c> narrow the steps; without either, every step its inputs enable.</summary>
    private static AltStoreSteps StepsOf(AltStoreOptions? modes)
    {
        if (modes is null || modes.Register) return modes?.Register == true ? AltStoreSteps.None : AltStoreSteps.All;
        var steps = AltStoreSteps.None;
        if (modes.ProcessAdp) steps |= AltStoreSteps.ProcessAdp;
        if (modes.Federate) steps |= AltStoreSteps.Federate;
        return steps == AltStoreSteps.None ? AltStoreSteps.All : steps;
    }
}
