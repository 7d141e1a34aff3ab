using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// Makes the ad-hoc profiles of the given bundle IDs hold every enabled iOS device. Profiles cannot be edited
/// (contract §8): a stale one is deleted and created again with the same name, type and certificates.
/// </summary>
public sealed class ProfileRefresher(AppStoreConnectDevicesClient client, RunSettings settings, ILogger<ProfileRefresher> logger)
{
    public const string AdHoc = "IOS_APP_ADHOC";

    public async Task<IReadOnlyList<ItemResult>> RunAsync(IEnumerable<string> bundleIdentifiers, IReadOnlyList<AccountDevice> devices,
        CancellationToken cancellationToken)
    {
        var enabled = devices.Where(d => d.IsEnabled && d.Platform is "IOS" or "UNIVERSAL").ToList();
        var items = new List<ItemResult>();
        foreach (var identifier in bundleIdentifiers.Distinct(StringComparer.Ordinal))
        {
            var bundle = (await client.ListBundleIdsAsync(identifier, cancellationToken))
                .Where(b => string.Equals(b.Attributes?.Identifier, identifier, StringComparison.Ordinal))
                .OrderBy(b => b.Attributes?.Platform is "IOS" or "UNIVERSAL" ? 0 : 1)
                .FirstOrDefault();
            if (bundle is null)
            {
                items.Add(new ItemResult { Name = identifier, Outcome = Outcome.Failed, Reason = $"no bundle ID {identifier} on this team" });
                continue;
            }

            var profiles = (await client.ListProfilesAsync(bundle.Id, cancellationToken))
                .Where(p => p.Attributes?.ProfileType == AdHoc).ToList();
            if (profiles.Count == 0)
                items.Add(new ItemResult { Name = identifier, Outcome = Outcome.Skipped, Reason = "no ad-hoc profile for this bundle ID" });
            foreach (var profile in profiles)
                items.Add(await RefreshAsync(bundle.Id, profile, enabled, cancellationToken));
        }
        return items;
    }

    private async Task<ItemResult> RefreshAsync(string bundleId, Resource<ProfileAttributes> profile, List<AccountDevice> enabled,
        CancellationToken cancellationToken)
    {
        var name = profile.Attributes?.Name ?? profile.Id;
        var held = (await client.ListProfileDevicesAsync(profile.Id, cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var missing = enabled.Count(d => !held.Contains(d.Id));
        var facts = new Dictionary<string, string> { ["devices"] = enabled.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (missing == 0 && profile.Attributes?.ProfileState != "INVALID")
            return new ItemResult { Name = name, Outcome = Outcome.AlreadyDone, Reason = "holds every enabled device", Facts = facts };
        if (settings.DryRun)
            return new ItemResult { Name = name, Outcome = Outcome.Skipped, Reason = $"would recreate with {missing} more device(s)", Facts = facts };

        var certificates = await client.ListProfileCertificatesAsync(profile.Id, cancellationToken);
        // Delete first: whether Apple accepts two profiles of one name is unconfirmed (contract §8).
        await client.CallAsync(ct => client.Api.DeleteProfileAsync(profile.Id, ct), cancellationToken);
        var body = new RequestBody<NewProfile>(new NewProfile("profiles", new ProfileCreate(name, profile.Attributes?.ProfileType ?? AdHoc),
            new ProfileRelationships(
                new LinkageOne(new ResourceLinkage("bundleIds", bundleId)),
                new LinkageList([.. certificates.Select(c => new ResourceLinkage("certificates", c.Id))]),
                new LinkageList([.. enabled.Select(d => new ResourceLinkage("devices", d.Id))]))));
        ResourceDocument<ProfileAttributes> created;
        try
        {
            created = await client.CallAsync(ct => client.Api.CreateProfileAsync(body, ct), cancellationToken);
        }
        catch (Http.RemoteServiceException e)
        {
            return new ItemResult { Name = name, Outcome = Outcome.Failed,
                Reason = $"the old profile was deleted but the new one could not be created; create it on the Apple Developer website: {e.Message}" };
        }

        var file = Save(name, created.Data.Attributes?.ProfileContent);
        logger.LogInformation("Apple devices: recreated profile {Name} with {Count} devices, saved as {File}", name, enabled.Count, file);
        facts["file"] = file;
        if (created.Data.Attributes?.Uuid is { } uuid) facts["uuid"] = uuid;
        if (created.Data.Attributes?.ExpirationDate is { } expires) facts["expires"] = expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ItemResult { Name = name, Outcome = Outcome.Succeeded, Reason = $"recreated with {missing} more device(s)", Facts = facts };
    }

    private string Save(string profileName, string? content)
    {
        var fileName = string.Concat(profileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')) + ".mobileprovision";
        var bytes = Convert.FromBase64String(content ?? throw new Http.RemoteServiceException(Apple.AppStoreConnectErrors.Service,
            Http.RemoteFailureKind.Server, $"the new profile {profileName} came without its content"));
        File.WriteAllBytes(Path.Combine(settings.WorkingDirectory, fileName), bytes);
        return fileName;
    }
}
