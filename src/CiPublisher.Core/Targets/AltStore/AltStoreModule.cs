using CiPublisher.Core.Apple;
using CiPublisher.Core.Http;
using CiPublisher.Core.Settings.Inputs;
using CiPublisher.Core.Targets.AltStore.Package;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// AltStore PAL: an ADP ID, a source file or URL, ADP hosting, or the <c>altstore</c> verb enable it. Adds the API
/// client, <see cref="AltStoreOnboarding"/> and the <see cref="AltStoreTarget"/>, and, with <c>altstore-adp-id: auto</c>,
/// the ADP lookup in App Store Connect.
/// </summary>
public sealed class AltStoreModule : TargetModule<AltStoreSettings>
{
    /// <summary>The <c>altstore</c> verb's switches: only onboard, only process the ADP, only federate.</summary>
    public const string RegisterSwitch = "register", ProcessAdpSwitch = "process-adp", FederateSwitch = "federate";

    /// <summary>The <c>altstore-adp-id</c> that asks for the ADP to be found in App Store Connect instead of given.</summary>
    public const string AutoAdpId = "auto";

    public override InputGroup Inputs => AltStoreInputs.Group;

    public override AltStoreSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var adpText = inputs.Text(AltStoreInputs.AdpId);
        var auto = string.Equals(adpText, AutoAdpId, StringComparison.OrdinalIgnoreCase);
        var sourceFile = inputs.ExistingFile(AltStoreInputs.SourceFile);
        var sourceUrl = inputs.Url(AltStoreInputs.SourceUrl, isBase: false);
        var developerId = inputs.Text(AltStoreInputs.DeveloperId);
        var email = inputs.Text(AltStoreInputs.Email);
        var adpHost = AdpHostOf(inputs);
        var adpDir = inputs.Text(AltStoreInputs.AdpDir);
        if (adpText is null && sourceFile is null && sourceUrl is null && developerId is null && adpHost == AdpHostKind.None && adpDir is null
            && scope.VerbModule != typeof(AltStoreSettings))
            return null;
        string? problem = null;
        var adpId = adpText is null || auto ? null : AdpId.Parse(adpText, out problem);
        if (problem is not null) inputs.Fail(AltStoreInputs.AdpId, problem);
        if (scope.Switches.Contains(RegisterSwitch) && (developerId is null || email is null))
            inputs.Fail(developerId is null ? AltStoreInputs.DeveloperId : AltStoreInputs.Email, "is required with altstore --register (give altstore-developer-id and altstore-email)");

        var hostedUrl = inputs.Url(AltStoreInputs.HostedUrl, isBase: false);
        if (adpText is null && adpHost != AdpHostKind.None)
            inputs.Fail(AltStoreInputs.AdpHost, "needs altstore-adp-id: there is no ADP to host without one");
        if (adpText is null && adpDir is not null)
            inputs.Fail(AltStoreInputs.AdpDir, "needs altstore-adp-id: there is no ADP to unpack without one");
        var wait = inputs.Bool(AltStoreInputs.Wait);
        if ((adpHost != AdpHostKind.None || adpDir is not null) && adpText is not null && !wait)
            inputs.Fail(AltStoreInputs.Wait, $"is false, but {(adpHost != AdpHostKind.None ? "altstore-adp-host" : "altstore-adp-dir")} needs the " +
                                             "processed ADP: let the run wait for it (altstore-wait: true)");
        if (adpHost == AdpHostKind.GitHubRelease && hostedUrl is not null)
            inputs.Fail(AltStoreInputs.HostedUrl, "points the source elsewhere, but altstore-adp-host: github-release points it at the release assets; give one");

        var lookupKey = auto ? scope.Settings<AppleSettings>() : null;
        if (auto && lookupKey is null)
            inputs.Fail(AltStoreInputs.AdpId, "is auto: finding the ADP in App Store Connect needs apple-key-id and apple-private-key too");

        var defaults = new AltStoreSettings();
        return new AltStoreSettings
        {
            AdpId = adpId,
            ApiUrl = inputs.Url(AltStoreInputs.ApiUrl) ?? defaults.ApiUrl,
            Wait = wait,
            WaitTimeout = inputs.Duration(AltStoreInputs.WaitTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)) ?? defaults.WaitTimeout,
            SourceFile = sourceFile,
            SourceUrl = sourceUrl,
            DeveloperId = developerId,
            Email = email,
            MarketplaceId = inputs.Text(AltStoreInputs.MarketplaceId),
            HostedUrl = hostedUrl,
            AdpHost = adpHost,
            AdpDir = adpDir,
            AdpLookupKey = lookupKey,
            Steps = StepsOf(scope.Switches),
        };
    }

    public override void Register(IServiceCollection services, AltStoreSettings altstore)
    {
        services.AddSingleton(altstore);
        services.AddServiceClient<IAltStoreApi>(AltStoreGateway.Service, altstore.ApiUrl, AltStoreJsonContext.Default);
        services.AddTransient<AltStoreGateway>();
        services.AddTransient<AltStoreOnboarding>();
        services.AddTransient<AdpDownloader>();
        services.AddSingleton<IPublishTarget, AltStoreTarget>();
        if (altstore.AdpLookupKey is { } apple)
        {
            services.AddAppStoreConnectClient<IAppStoreConnectDistributionApi>(AppStoreConnectErrors.Service, apple, AppStoreConnectJsonContext.Default);
            services.AddSingleton<AdpFinder>();
        }
    }

    private static AdpHostKind AdpHostOf(InputReader inputs)
    {
        switch (inputs.Text(AltStoreInputs.AdpHost)?.ToLowerInvariant())
        {
            case null or "" or "none": return AdpHostKind.None;
            case "github-release": return AdpHostKind.GitHubRelease;
            case var other:
                inputs.Fail(AltStoreInputs.AdpHost, $"'{other}' is not a host; use github-release (the tag's release assets) or none");
                return AdpHostKind.None;
        }
    }

    /// <summary><c>altstore --process-adp</c> and <c>--federate</c> narrow the steps; without either, every step its inputs enable.</summary>
    private static AltStoreSteps StepsOf(IReadOnlySet<string> switches)
    {
        if (switches.Contains(RegisterSwitch)) return AltStoreSteps.None;
        var steps = AltStoreSteps.None;
        if (switches.Contains(ProcessAdpSwitch)) steps |= AltStoreSteps.ProcessAdp;
        if (switches.Contains(FederateSwitch)) steps |= AltStoreSteps.Federate;
        return steps == AltStoreSteps.None ? AltStoreSteps.All : steps;
    }
}
