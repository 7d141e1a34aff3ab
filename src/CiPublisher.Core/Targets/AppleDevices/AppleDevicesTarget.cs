using System.Globalization;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// Registers new test devices with App Store Connect (only those the account lacks; disabled ones are
/// re-enabled) and, when asked, rebuilds the artifacts' ad-hoc profiles so they hold every enabled device.
/// </summary>
public sealed class AppleDevicesTarget(
    RunScope scope, AppleSettings apple,
    DeviceSources sources,
    AppStoreConnectDevicesClient client,
    DeviceRegistrar registrar,
    ProfileRefresher profiles,
    AppStoreConnectQuota quota,
    CallMeter calls,
    SecretRegistry secrets,
    ILogger<AppleDevicesTarget> logger) : IPublishTarget
{
    public const string ServiceName = "AppStoreConnect";

    public string Name => "Apple devices";

    public bool IsEnabled => true;

    private AppleSettings Apple => apple;

    public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        if (!sources.Any && !Apple.ManagesProfiles)
            return TargetResult.Skipped(Name, "no devices given (apple-devices, apple-devices-file, apple-devices-from-fenfa)");
        try
        {
            return await RunCoreAsync(artifacts, cancellationToken);
        }
        catch (Exception e) when (e is RemoteServiceException or AppleKeyException or IOException or InvalidOperationException)
        {
            var reason = secrets.Redact(e.Message);
            logger.LogError("{Target}: {Reason}", Name, reason);
            return TargetResult.Failed(Name, reason) with { Figures = Figures() };
        }
    }

    private async Task<TargetResult> RunCoreAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var candidates = await sources.ReadAsync(cancellationToken);
        foreach (var invalid in candidates.Invalid)
            logger.LogWarning("Apple devices: {Source}: {Udid} not sent: {Reason}", invalid.Source, invalid.ShortUdid, invalid.Reason);

        var account = (await client.ListAllDevicesAsync(cancellationToken)).Select(AccountDevice.From).ToList();
        var plan = DevicePlan.Compare(candidates.Valid, account);
        logger.LogInformation("Apple devices: {Wanted} wanted, {Held} on the account: {New} new, {Disabled} to re-enable, {Existing} already there",
            candidates.Valid.Count, account.Count, plan.New.Count, plan.Disabled.Count, plan.Existing.Count);

        if (Apple.MaxNewDevices is { } budget && plan.New.Count > budget)
        {
            return Result(Outcome.Failed, [], candidates,
                $"{plan.New.Count} new device(s) would be registered but {AppleInputs.MaxNewDevices.Name} allows {budget}; none was registered " +
                "(each new device uses a yearly slot that cannot be given back)", []);
        }

        if (scope.DryRun)
        {
            IReadOnlyList<DeviceOutcome> planned = [
                .. plan.New.Select(d => new DeviceOutcome(d, DeviceAction.WouldRegister)),
                .. plan.Disabled.Select(d => new DeviceOutcome(d.Wanted, DeviceAction.WouldReenable)),
                .. plan.Existing.Select(d => new DeviceOutcome(d.Wanted, DeviceAction.Existing))];
            var plannedProfiles = Apple.ManagesProfiles ? await profiles.RunAsync(BundleIds(artifacts), account, cancellationToken) : [];
            return Result(Outcome.Skipped, planned, candidates, "dry run: nothing registered", plannedProfiles);
        }

        var (outcomes, changed) = await registrar.RunAsync(plan, cancellationToken);
        IReadOnlyList<ItemResult> profileItems = [];
        if (Apple.ManagesProfiles)
        {
            var current = account.Where(d => changed.All(c => c.Id != d.Id)).Concat(changed).ToList();
            profileItems = await RefreshProfilesAsync(artifacts, current, cancellationToken);
        }

        var items = outcomes.Select(o => o.ToItem()).Concat(profileItems).ToList();
        var outcome = TargetResult.Combine(items);
        var failed = items.Count(i => i.Outcome == Outcome.Failed);
        return Result(outcome, outcomes, candidates, failed > 0 ? $"{failed} device(s) or profile(s) failed" : null, profileItems);
    }

    /// <summary>A profile failure must not hide what registration already did: it becomes one failed item.</summary>
    private async Task<IReadOnlyList<ItemResult>> RefreshProfilesAsync(ArtifactSet artifacts, List<AccountDevice> devices,
        CancellationToken cancellationToken)
    {
        if (!BundleIds(artifacts).Any())
            return [new ItemResult { Name = "profiles", Outcome = Outcome.Skipped, Reason = "no iOS artifact with a bundle ID to keep profiles for" }];
        try
        {
            return await profiles.RunAsync(BundleIds(artifacts), devices, cancellationToken);
        }
        catch (RemoteServiceException e)
        {
            return [new ItemResult { Name = "profiles", Outcome = Outcome.Failed, Reason = secrets.Redact(e.Message) }];
        }
    }

    private static IEnumerable<string> BundleIds(ArtifactSet artifacts) =>
        artifacts.Items.Where(a => a.Platform == ArtifactPlatform.Ios && a.Identifier is not null).Select(a => a.Identifier!);

    private TargetResult Result(Outcome outcome, IReadOnlyList<DeviceOutcome> outcomes, DeviceCandidates candidates, string? reason,
        IReadOnlyList<ItemResult> profileItems)
    {
        int Count(params DeviceAction[] actions) => outcomes.Count(o => actions.Contains(o.Action));
        var registered = Count(DeviceAction.Registered);
        var notes = new List<string>(candidates.Notes);
        if (candidates.Invalid.Count > 0)
            notes.Add($"{candidates.Invalid.Count} device entr{(candidates.Invalid.Count == 1 ? "y was" : "ies were")} invalid and not sent to Apple.");
        if (registered > 0)
            notes.Add($"{registered} new device(s) registered: each uses one of the 100 yearly slots of its device family.");
        var saved = profileItems.Where(p => p.Facts.ContainsKey("file")).Select(p => p.Facts["file"]).ToList();
        if (saved.Count > 0)
            notes.Add($"New profiles saved in the working directory ({string.Join(", ", saved)}): re-sign the app with them " +
                      "so it installs on the new devices; builds signed with a replaced profile stop installing once it is deleted.");

        var invalidItems = candidates.Invalid.Select(i => new ItemResult
        {
            Name = i.Name ?? i.ShortUdid,
            Outcome = Outcome.Skipped,
            Reason = $"invalid, not sent ({i.Source}): {i.Reason}",
            Facts = new Dictionary<string, string> { ["udid"] = i.ShortUdid },
        });
        return new TargetResult
        {
            Target = Name,
            Outcome = outcome,
            Reason = reason,
            Items = [.. outcomes.Select(o => o.ToItem()), .. invalidItems, .. profileItems],
            Outputs = new Dictionary<string, string>
            {
                ["devices-registered"] = Text(registered),
                ["devices-reenabled"] = Text(Count(DeviceAction.Reenabled)),
                ["devices-existing"] = Text(Count(DeviceAction.Existing)),
                ["devices-invalid"] = Text(candidates.Invalid.Count),
            },
            Figures = Figures(),
            Notes = notes,
            Devices = new DeviceCounts(registered, Count(DeviceAction.Reenabled), Count(DeviceAction.Existing), candidates.Invalid.Count),
        };
    }

    private Dictionary<string, string> Figures()
    {
        var figures = new Dictionary<string, string> { [CallMeter.FigureName] = calls.Figure(ServiceName) };
        quota.AddFiguresTo(figures);
        return figures;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
