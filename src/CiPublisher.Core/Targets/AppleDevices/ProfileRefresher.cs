using System.Globalization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;
using CiPublisher.Core.Apple;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// Keeps the profiles of the artifacts' bundle IDs, of each type in <c>apple-profile-types</c>, holding exactly the
/// enabled devices their type takes, and creates missing ones when asked. Profiles cannot be edited (contract §8): a
/// stale one is replaced by a new profile, and deleted only once the new one exists and its file is saved, so a
/// failure at any step leaves the team with the profile it had.
/// </summary>
public sealed class ProfileRefresher(AppStoreConnectDevicesClient client, RunScope scope, AppleSettings apple, TimeProvider time,
    ILogger<ProfileRefresher> logger)
{
    private AppleSettings Apple => apple;

    public async Task<IReadOnlyList<ItemResult>> RunAsync(IEnumerable<string> bundleIdentifiers, IReadOnlyList<AccountDevice> devices,
        CancellationToken cancellationToken)
    {
        var rules = Apple.ProfileTypes.Select(t => ProfileTypeRule.DeviceHolding[t]).ToList();
        var team = new TeamCertificates(client);
        var items = new List<ItemResult>();
        foreach (var identifier in bundleIdentifiers.Distinct(StringComparer.Ordinal))
        {
            // Apple's identifier filter is a prefix match (contract §7): compare exactly here.
            var bundles = (await client.ListBundleIdsAsync(identifier, cancellationToken))
                .Where(b => string.Equals(b.Attributes?.Identifier, identifier, StringComparison.Ordinal)).ToList();
            if (bundles.Count == 0)
            {
                items.Add(Item(identifier, Outcome.Failed, $"no bundle ID {identifier} on this team"));
                continue;
            }
            var profilesOf = new Dictionary<string, IReadOnlyList<Resource<ProfileAttributes>>>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                if (BundleFor(rule, bundles) is not { } bundle)
                {
                    items.Add(Item($"{identifier} {rule.ProfileType}", Outcome.Skipped,
                        $"bundle ID {identifier} is for {bundles[0].Attributes?.Platform}; {rule.ProfileType} profiles need a {rule.BundlePlatform} or UNIVERSAL one"));
                    continue;
                }
                if (!profilesOf.TryGetValue(bundle.Id, out var profiles))
                    profilesOf[bundle.Id] = profiles = await client.ListProfilesAsync(bundle.Id, cancellationToken);
                var selection = ProfileDeviceSelection.For(rule, devices, Apple.ProfilesIncludeMacs);
                items.AddRange(await KeepCurrentAsync(identifier, bundle.Id, rule, profiles, selection, team, cancellationToken));
            }
        }
        return items;
    }

    private static Resource<BundleIdAttributes>? BundleFor(ProfileTypeRule rule, List<Resource<BundleIdAttributes>> bundles) =>
        bundles.FirstOrDefault(b => b.Attributes?.Platform == rule.BundlePlatform)
        ?? bundles.FirstOrDefault(b => b.Attributes?.Platform is null or "UNIVERSAL");

    private async Task<IReadOnlyList<ItemResult>> KeepCurrentAsync(string identifier, string bundleId, ProfileTypeRule rule,
        IReadOnlyList<Resource<ProfileAttributes>> profiles, ProfileDeviceSelection selection, TeamCertificates team,
        CancellationToken cancellationToken)
    {
        var ofType = profiles.Where(p => p.Attributes?.ProfileType == rule.ProfileType).ToList();
        if (ofType.Count == 0)
        {
            return Apple.CreateMissingProfiles
                ? [await CreateMissingAsync(identifier, bundleId, rule, selection, team, cancellationToken)]
                : [Item($"{identifier} {rule.ProfileType}", Outcome.Skipped,
                    $"no {rule.ProfileType} profile for this bundle ID (apple-create-missing-profiles creates one)")];
        }
        if (!Apple.RefreshProfiles)
            return [.. ofType.Select(p => Item(NameOf(p), Outcome.AlreadyDone, "exists (apple-refresh-profiles keeps it current)"))];

        var items = new List<ItemResult>();
        // Profiles sharing a base name are one profile and the replacements of it; older ones are what an earlier
        // run replaced but could not delete.
        foreach (var group in ofType.GroupBy(p => ProfileNames.BaseOf(NameOf(p)), StringComparer.Ordinal))
        {
            // By stamp, not expiry: Apple ends a profile with its certificate, so a newer profile may expire sooner.
            var newestFirst = group.OrderByDescending(p => ProfileNames.StampOf(NameOf(p)), StringComparer.Ordinal).ToList();
            var current = await RefreshAsync(bundleId, rule, newestFirst[0], selection, team, cancellationToken);
            items.Add(current);
            if (current.Outcome is Outcome.Succeeded or Outcome.AlreadyDone)
            {
                foreach (var replaced in newestFirst.Skip(1))
                    items.Add(await DeleteReplacedAsync(replaced, $"replaced earlier by {NameOf(newestFirst[0])}", cancellationToken));
            }
        }
        return items;
    }

    private async Task<ItemResult> RefreshAsync(string bundleId, ProfileTypeRule rule, Resource<ProfileAttributes> profile,
        ProfileDeviceSelection selection, TeamCertificates team, CancellationToken cancellationToken)
    {
        var name = NameOf(profile);
        var heldDevices = (await client.ListProfileDevicesAsync(profile.Id, cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var heldCertificates = (await client.ListProfileCertificatesAsync(profile.Id, cancellationToken)).Select(c => c.Id)
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var certificates = ProfileCertificates.Choose(rule, await team.ListAsync(cancellationToken), heldCertificates, now);
        var facts = Facts(selection);
        if (certificates.Problem is { } problem)
            return Item(name, Outcome.Failed, $"{problem}; the profile was left as it is", facts);

        var wanted = selection.Included.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var changes = Changes(heldDevices, wanted, heldCertificates, certificates.Ids, profile.Attributes, now);
        if (changes.Count == 0)
            return Item(name, Outcome.AlreadyDone, With("holds every enabled device it can take", selection), facts);
        if (wanted.Count == 0)
            return Item(name, Outcome.Skipped, With($"no enabled device fits {rule.ProfileType} profiles; the profile was left as it is", selection), facts);
        var why = string.Join(", ", changes);
        if (scope.DryRun) return Item(name, Outcome.Skipped, With($"would be replaced ({why})", selection), facts);

        var replacement = ProfileNames.Replacement(name, now);
        if (await CreateAndSaveAsync(replacement, name, bundleId, rule, certificates.Ids, selection, facts, cancellationToken) is { } failure)
            return failure;

        var reason = $"replaced by {replacement} ({why})";
        try
        {
            await client.CallAsync(ct => client.Api.DeleteProfileAsync(profile.Id, ct), cancellationToken);
        }
        catch (RemoteServiceException e) when (e.StatusCode != 404)
        {
            reason += $"; the old profile could not be deleted ({e.Message}): the next run deletes it";
            logger.LogWarning("Apple devices: profile {Name} replaced by {Replacement}, but deleting it failed: {Reason}", name, replacement, e.Message);
        }
        return Item(name, Outcome.Succeeded, With(reason, selection), facts);
    }

    private async Task<ItemResult> CreateMissingAsync(string identifier, string bundleId, ProfileTypeRule rule,
        ProfileDeviceSelection selection, TeamCertificates team, CancellationToken cancellationToken)
    {
        var name = ProfileNames.ForMissing(identifier, rule);
        var facts = Facts(selection);
        if (selection.Included.Count == 0)
            return Item(name, Outcome.Skipped, With($"no enabled device fits {rule.ProfileType} profiles; none was created", selection), facts);
        var certificates = ProfileCertificates.Choose(rule, await team.ListAsync(cancellationToken), [], time.GetUtcNow());
        if (certificates.Problem is { } problem) return Item(name, Outcome.Failed, $"{problem}; no profile was created", facts);
        if (scope.DryRun) return Item(name, Outcome.Skipped, With("would be created", selection), facts);

        return await CreateAndSaveAsync(name, null, bundleId, rule, certificates.Ids, selection, facts, cancellationToken)
               ?? Item(name, Outcome.Succeeded, With($"created for {identifier}", selection), facts);
    }

    /// <summary>Creates the profile and saves its file; null when both worked, else the failed item (the old profile untouched).</summary>
    private async Task<ItemResult?> CreateAndSaveAsync(string name, string? replacing, string bundleId, ProfileTypeRule rule,
        IReadOnlyList<string> certificateIds, ProfileDeviceSelection selection, Dictionary<string, string> facts, CancellationToken cancellationToken)
    {
        var itemName = replacing ?? name;
        var kept = replacing is null ? "" : $"; the old profile {replacing} was kept";
        var body = new RequestBody<NewProfile>(new NewProfile("profiles", new ProfileCreate(name, rule.ProfileType),
            new ProfileRelationships(
                new LinkageOne(new ResourceLinkage("bundleIds", bundleId)),
                new LinkageList([.. certificateIds.Select(id => new ResourceLinkage("certificates", id))]),
                new LinkageList([.. selection.Included.Select(d => new ResourceLinkage("devices", d.Id))]))));
        ResourceDocument<ProfileAttributes> created;
        try
        {
            created = await client.CallAsync(ct => client.Api.CreateProfileAsync(body, ct), cancellationToken);
        }
        catch (RemoteServiceException e)
        {
            return Item(itemName, Outcome.Failed, $"Apple refused the new profile{kept}: {e.Message}", facts);
        }

        facts["profile"] = name;
        if (created.Data.Attributes?.Uuid is { } uuid) facts["uuid"] = uuid;
        if (created.Data.Attributes?.ExpirationDate is { } expires) facts["expires"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        try
        {
            facts["file"] = await SaveAsync(name, created.Data.Attributes?.ProfileContent, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return Item(itemName, Outcome.Failed, $"the new profile {name} was created but its file could not be saved ({e.Message}){kept}", facts);
        }
        logger.LogInformation("Apple devices: profile {Name} created with {Count} device(s), saved as {File}", name, selection.Included.Count, facts["file"]);
        return null;
    }

    private async Task<ItemResult> DeleteReplacedAsync(Resource<ProfileAttributes> profile, string why, CancellationToken cancellationToken)
    {
        var name = NameOf(profile);
        if (scope.DryRun) return Item(name, Outcome.Skipped, $"would be deleted ({why})");
        try
        {
            await client.CallAsync(ct => client.Api.DeleteProfileAsync(profile.Id, ct), cancellationToken);
            return Item(name, Outcome.Succeeded, $"deleted ({why})");
        }
        catch (RemoteServiceException e) when (e.StatusCode != 404)
        {
            return Item(name, Outcome.Failed, $"could not be deleted ({why}): {e.Message}");
        }
    }

    private static List<string> Changes(HashSet<string> heldDevices, HashSet<string> wanted, HashSet<string> heldCertificates,
        IReadOnlyList<string> certificates, ProfileAttributes? profile, DateTimeOffset now)
    {
        var changes = new List<string>();
        var added = wanted.Count(id => !heldDevices.Contains(id));
        var removed = heldDevices.Count(id => !wanted.Contains(id));
        if (added > 0) changes.Add($"{added} device(s) added");
        if (removed > 0) changes.Add($"{removed} device(s) no longer enabled or fitting removed");
        if (!heldCertificates.SetEquals(certificates)) changes.Add("certificates renewed");
        if (profile?.ProfileState is { } state && state != "ACTIVE") changes.Add($"it was {state}");
        else if (profile?.ExpirationDate is { } expires && expires <= now) changes.Add("it had expired");
        return changes;
    }

    private async Task<string> SaveAsync(string profileName, string? content, CancellationToken cancellationToken)
    {
        var bytes = Convert.FromBase64String(content ?? throw new FormatException($"Apple sent the profile {profileName} without its content"));
        var fileName = ProfileNames.FileName(profileName);
        await File.WriteAllBytesAsync(Path.Combine(scope.WorkingDirectory, fileName), bytes, cancellationToken);
        return fileName;
    }

    private static Dictionary<string, string> Facts(ProfileDeviceSelection selection)
    {
        var facts = new Dictionary<string, string> { ["devices"] = selection.Included.Count.ToString(CultureInfo.InvariantCulture) };
        if (selection.LeftOut.Count > 0) facts["left-out"] = selection.LeftOut.Count.ToString(CultureInfo.InvariantCulture);
        return facts;
    }

    private static string With(string reason, ProfileDeviceSelection selection) =>
        selection.LeftOutSummary() is { } leftOut ? $"{reason}; {leftOut}" : reason;

    private static string NameOf(Resource<ProfileAttributes> profile) => profile.Attributes?.Name ?? profile.Id;

    private static ItemResult Item(string name, Outcome outcome, string reason, Dictionary<string, string>? facts = null) =>
        new() { Name = name, Outcome = outcome, Reason = reason, Facts = facts ?? [] };

    /// <summary>The team's certificates, listed once per run and only when a profile is to be checked or made.</summary>
    private sealed class TeamCertificates(AppStoreConnectDevicesClient client)
    {
        private IReadOnlyList<Resource<CertificateAttributes>>? _all;

        public async Task<IReadOnlyList<Resource<CertificateAttributes>>> ListAsync(CancellationToken cancellationToken) =>
            _all ??= await client.ListCertificatesAsync(cancellationToken);
    }
}
