using CiPublisher.Core.Http;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Carries out a <see cref="DevicePlan"/>: one POST per new device, one PATCH per disabled one, nothing else.</summary>
public sealed class DeviceRegistrar(AppStoreConnectDevicesClient client, ILogger<DeviceRegistrar> logger)
{
    /// <summary>The outcomes, and the account devices now enabled that registration created or re-enabled.</summary>
    public async Task<(IReadOnlyList<DeviceOutcome> Outcomes, IReadOnlyList<AccountDevice> Changed)> RunAsync(
        DevicePlan plan, CancellationToken cancellationToken)
    {
        var outcomes = plan.Existing.Select(e => new DeviceOutcome(e.Wanted, DeviceAction.Existing)).ToList();
        var changed = new List<AccountDevice>();
        RemoteServiceException? stop = null;

        foreach (var (wanted, held) in plan.Disabled)
        {
            if (stop is not null) { outcomes.Add(NotAttempted(wanted, stop)); continue; }
            try
            {
                changed.Add(await EnableAsync(held, cancellationToken));
                outcomes.Add(new DeviceOutcome(wanted, DeviceAction.Reenabled));
                logger.LogInformation("Apple devices: re-enabled {Name} ({Udid})", wanted.Name, Udid.Shorten(wanted.Udid));
            }
            catch (RemoteServiceException e)
            {
                outcomes.Add(new DeviceOutcome(wanted, DeviceAction.Failed, WithoutUdid(e.Message, wanted)));
                stop = StopsTheRun(e) ? e : null;
            }
        }

        foreach (var wanted in plan.New)
        {
            if (stop is not null) { outcomes.Add(NotAttempted(wanted, stop)); continue; }
            try
            {
                var (outcome, device) = await RegisterAsync(wanted, cancellationToken);
                outcomes.Add(outcome);
                if (device is not null) changed.Add(device);
            }
            catch (RemoteServiceException e)
            {
                outcomes.Add(new DeviceOutcome(wanted, DeviceAction.Failed, WithoutUdid(e.Message, wanted)));
                stop = StopsTheRun(e) ? e : null;
            }
        }
        return (outcomes, changed);
    }

    private async Task<(DeviceOutcome, AccountDevice?)> RegisterAsync(DeviceCandidate wanted, CancellationToken cancellationToken)
    {
        try
        {
            var body = new RequestBody<NewResource<DeviceCreate>>(new("devices",
                new DeviceCreate(wanted.Name, wanted.Udid, wanted.Platform.WireName())));
            var created = await client.CallAsync(ct => client.Api.RegisterDeviceAsync(body, ct), cancellationToken);
            logger.LogInformation("Apple devices: registered {Name} ({Udid})", wanted.Name, Udid.Shorten(wanted.Udid));
            return (new DeviceOutcome(wanted, DeviceAction.Registered), AccountDevice.From(created.Data));
        }
        catch (RemoteServiceException e) when (e.StatusCode == 409)
        {
            // "Already exists" (fastlane #17429): a retried POST whose first attempt landed, or a race with another run.
            // Its exact code is not documented, so a 409 is confirmed by a lookup; an invalid UDID finds nothing.
            var held = (await client.FindDevicesAsync(wanted.Udid, cancellationToken)).Select(AccountDevice.From)
                .FirstOrDefault(d => Udid.Key(d.Udid) == wanted.Key);
            if (held is null) throw;
            if (!held.IsDisabled) return (new DeviceOutcome(wanted, DeviceAction.Existing), held);
            return (new DeviceOutcome(wanted, DeviceAction.Reenabled), await EnableAsync(held, cancellationToken));
        }
    }

    private async Task<AccountDevice> EnableAsync(AccountDevice held, CancellationToken cancellationToken)
    {
        var body = new RequestBody<ResourceUpdate<DeviceStatusUpdate>>(new("devices", held.Id, new DeviceStatusUpdate("ENABLED")));
        var updated = await client.CallAsync(ct => client.Api.UpdateDeviceAsync(held.Id, body, ct), cancellationToken);
        return AccountDevice.From(updated.Data);
    }

    /// <summary>Apple quotes the UDID in its details ("An invalid value '…'"); results are public, so only its start stays.</summary>
    private static string WithoutUdid(string message, DeviceCandidate device) =>
        message.Replace(device.Udid, Udid.Shorten(device.Udid), StringComparison.OrdinalIgnoreCase);

    /// <summary>Failures that will hit every further call the same way; the rest belong to one device.</summary>
    private static bool StopsTheRun(RemoteServiceException e) =>
        e.Kind is RemoteFailureKind.Authentication or RemoteFailureKind.Permission || e.IsTransient;

    private static DeviceOutcome NotAttempted(DeviceCandidate wanted, RemoteServiceException cause) =>
        new(wanted, DeviceAction.NotAttempted, $"not attempted after an earlier failure ({cause.Code ?? cause.Kind.ToString()})");
}
