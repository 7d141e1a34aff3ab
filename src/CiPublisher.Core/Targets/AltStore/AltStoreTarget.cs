using System.Globalization;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore.Package;
using CiPublisher.Core.Targets.AltStore.Source;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// AltStore PAL, in the order a release needs it: process the ADP and wait for its download link, host it where it
/// lasts (<see cref="AdpHosting"/>), put the new version into the user's source file, federate the source. Each step
/// runs when its input is given and the <c>altstore</c> verb's sub-mode (<see cref="AltStoreSettings.Steps"/>) includes it.
/// </summary>
public sealed class AltStoreTarget(
    RunScope scope, AltStoreSettings altstoreSettings, AltStoreGateway gateway, CallMeter calls, TimeProvider time, SecretRegistry secrets, ILogger<AltStoreTarget> logger,
    AdpDownloader downloader, RunDownloadLinks links, AdpFinder? finder = null, IAdpHost? host = null)
    : IPublishTarget
{
    public string Name => "AltStore";

    public bool IsEnabled => StepsToRun(altstoreSettings) != AltStoreSteps.None;

    /// <summary>The steps both asked for and given their input.</summary>
    public static AltStoreSteps StepsToRun(AltStoreSettings altstore) => altstore.Steps
        & ((altstore.ProcessesAdp ? AltStoreSteps.ProcessAdp : AltStoreSteps.None)
           | (altstore.SourceFile is null ? AltStoreSteps.None : AltStoreSteps.UpdateSource)
           | (altstore.SourceUrl is null ? AltStoreSteps.None : AltStoreSteps.Federate));

    public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var altstore = altstoreSettings;
        var steps = StepsToRun(altstore);
        var run = new RunRecord();

        AdpResult? adp = null;
        HostedAdp? hosted = null;
        if (steps.HasFlag(AltStoreSteps.ProcessAdp) && await AdpIdAsync(altstore, artifacts, run, cancellationToken) is { } adpId)
        {
            adp = await ProcessAdpAsync(altstore with { AdpId = adpId }, run, cancellationToken);
            if (adp?.DownloadUrl is { } link && NeedsPackage(altstore, artifacts, steps))
                hosted = await HostAdpAsync(altstore with { AdpId = adpId }, link, artifacts, run, cancellationToken);
        }
        if (steps.HasFlag(AltStoreSteps.UpdateSource)) await UpdateSourceAsync(altstore, artifacts, adp, hosted, steps, run, cancellationToken);
        if (steps.HasFlag(AltStoreSteps.Federate)) await FederateAsync(altstore, run, cancellationToken);

        run.Figures[CallMeter.FigureName] = calls.Figure(AltStoreGateway.Service);
        foreach (var item in run.Items) logger.LogInformation("AltStore: {Item}: {Outcome} {Reason}", item.Name, item.Outcome, item.Reason);
        var outcome = TargetResult.Combine(run.Items);
        return new TargetResult
        {
            Target = Name,
            Outcome = outcome,
            Reason = run.Items.FirstOrDefault(i => i.Outcome == Outcome.Failed)?.Reason
                     ?? (scope.DryRun ? "dry run: nothing sent or written" : null),
            Items = run.Items,
            Outputs = run.Outputs,
            Figures = run.Figures,
            Notes = run.Notes,
            Adp = run.Outputs.TryGetValue("adp-status", out var status)
                ? new AdpSummary(status, run.Outputs.GetValueOrDefault("adp-download-url"), run.Outputs.GetValueOrDefault("adp-manifest-url"))
                : null,
        };
    }

    /// <summary>The ADP ID given, or with <c>auto</c> the one App Store Connect has for the IPA's bundle ID and version.</summary>
    private async Task<AdpId?> AdpIdAsync(AltStoreSettings altstore, ArtifactSet artifacts, RunRecord run, CancellationToken cancellationToken)
    {
        if (altstore.AdpLookupKey is null) return altstore.AdpId;
        var ios = artifacts.Items.FirstOrDefault(a => a.Platform == ArtifactPlatform.Ios);
        var version = scope.Version ?? ios?.Version;
        const string Name = "ADP in App Store Connect";
        if (ios?.Identifier is not { } bundleId || version is null)
        {
            run.Items.Add(Item(Name, Outcome.Failed, "altstore-adp-id: auto needs an .ipa artifact (its bundle ID and version) to find the ADP"));
            return null;
        }
        if (scope.DryRun)
        {
            run.Items.Add(Item(Name, Outcome.Skipped, $"dry run: would find the ADP of {bundleId} {version} in App Store Connect"));
            return null;
        }
        try
        {
            var found = await finder!.FindAsync(bundleId, version, altstore.WaitTimeout, cancellationToken);
            if (AdpId.Parse(found.AdpId, out var problem) is not { } adpId)
            {
                run.Items.Add(Item(Name, Outcome.Failed, $"App Store Connect named the package {found.AdpId}, an ID that {problem}"));
                return null;
            }
            run.Outputs["adp-id"] = found.AdpId;
            run.Items.Add(Item(Name, Outcome.Succeeded, found.Created
                ? $"created the package of {bundleId} {version}: {found.AdpId}"
                : $"found the package of {bundleId} {version}: {found.AdpId}"));
            return adpId;
        }
        catch (RemoteServiceException failure)
        {
            run.Items.Add(Item(Name, Outcome.Failed, secrets.Redact(failure.Message)));
            return null;
        }
    }

    private async Task<AdpResult?> ProcessAdpAsync(AltStoreSettings altstore, RunRecord run, CancellationToken cancellationToken)
    {
        var adpId = altstore.AdpId!.Value;
        var name = $"ADP {adpId}";
        if (scope.DryRun)
        {
            run.Items.Add(Item(name, Outcome.Skipped, (altstore.Wait
                ? $"dry run: would ask AltStore to process it and wait up to {Readable.Duration(altstore.WaitTimeout)} for its download link"
                : "dry run: would ask AltStore to process it") + DryRunHosting(altstore)));
            return null;
        }

        AdpResult result;
        try
        {
            // A package that is downloaded here may reuse AltStore's link: an expired one shows then, and is renewed.
            result = await new AdpProcessor(gateway, time, logger, Random.Shared)
                .ProcessAsync(adpId, altstore.Wait, altstore.WaitTimeout, cancellationToken, reuseReady: altstore.HostsAdp);
        }
        catch (RemoteServiceException failure)
        {
            run.Items.Add(Item(name, Outcome.Failed, secrets.Redact(failure.Message)));
            run.Outputs["adp-status"] = "failed";
            return null;
        }

        run.Outputs["adp-status"] = result.Outcome switch
        {
            AdpOutcome.Ready => "success",
            AdpOutcome.Triggered => "processing",
            AdpOutcome.TimedOut => "timeout",
            _ => "failed",
        };
        if (result.DownloadUrl is { } url) run.Outputs["adp-download-url"] = url;
        if (result.Outcome is AdpOutcome.Ready or AdpOutcome.Failed or AdpOutcome.TimedOut)
        {
            run.Figures["adp-processing"] = Readable.Duration(result.Elapsed);
            run.Figures["adp-polls"] = result.Polls.ToString(CultureInfo.InvariantCulture);
        }

        var (outcome, reason) = result.Outcome switch
        {
            AdpOutcome.Ready => (Outcome.Succeeded, $"processed in {Readable.Duration(result.Elapsed)}"),
            AdpOutcome.Triggered => (Outcome.Succeeded, "processing asked for; not waited on (altstore-wait: false)"),
            _ => (Outcome.Failed, result.Reason),
        };
        var item = Item(name, outcome, reason, new Dictionary<string, string> { ["status"] = result.Status });
        if (result.DownloadUrl is not null) item = item with { Published = new Publication { DownloadUrl = result.DownloadUrl } };
        run.Items.Add(item);
        return result;
    }

    private string DryRunHosting(AltStoreSettings altstore)
    {
        var places = new List<string>();
        if (altstore.AdpHost != AdpHostKind.None && host is not null) places.Add($"put its files on {host.Describe(scope.Version)}");
        if (altstore.AdpDir is { } dir) places.Add($"unpack it into {dir}");
        return places.Count == 0 ? "" : $", then download it and {string.Join(" and ", places)}";
    }

    /// <summary>The ADP is downloaded to host or unpack it, and to read the version from it when no .ipa is in the run.</summary>
    private static bool NeedsPackage(AltStoreSettings altstore, ArtifactSet artifacts, AltStoreSteps steps) =>
        altstore.HostsAdp || (steps.HasFlag(AltStoreSteps.UpdateSource) && artifacts.Items.All(a => a.Platform != ArtifactPlatform.Ios));

    private async Task<HostedAdp?> HostAdpAsync(AltStoreSettings altstore, string link, ArtifactSet artifacts, RunRecord run,
        CancellationToken cancellationToken)
    {
        var ios = artifacts.Items.FirstOrDefault(a => a.Platform == ArtifactPlatform.Ios);
        var expected = new ReleaseIdentity(ios?.Identifier, scope.Version ?? ios?.Version, scope.BuildNumber ?? ios?.Build);
        var hosting = new AdpHosting(scope, altstore, downloader, secrets, logger, altstore.AdpHost == AdpHostKind.None ? null : host);
        var adpId = altstore.AdpId!.Value;
        var result = await hosting.RunAsync(adpId, link, async ct =>
            (await new AdpProcessor(gateway, time, logger, Random.Shared).ProcessAsync(adpId, wait: true, altstore.WaitTimeout, ct)).DownloadUrl,
            expected, cancellationToken);
        run.Items.AddRange(result.Items);
        if (result.Hosted?.ManifestUrl is { } manifestUrl) run.Outputs["adp-manifest-url"] = manifestUrl.AbsoluteUri;
        if (result.Hosted is not null && altstore.AdpDir is { } dir && result.Hosted.ManifestUrl is null)
            run.Notes.Add($"The ADP is unpacked in {dir}: deploy that folder as it is, and give altstore-hosted-url (where it is served) " +
                          "so the source points there instead of at AltStore's expiring link.");
        return result.Hosted;
    }

    public IReadOnlyList<string> InputProblems(ArtifactSet artifacts) =>
        StepsToRun(altstoreSettings).HasFlag(AltStoreSteps.UpdateSource) && MissingForTheSource(artifacts) is { } missing
            ? [$"altstore-source-file: {missing}"]
            : [];

    /// <summary>What a new version entry needs that neither the artifacts nor the inputs give, or null.</summary>
    private string? MissingForTheSource(ArtifactSet artifacts)
    {
        var ios = artifacts.Items.FirstOrDefault(a => a.Platform == ArtifactPlatform.Ios);
        var altstore = altstoreSettings;
        // A processed ADP's manifest names the app, version and build, and its variants give the size.
        if (ios is null && altstore.ProcessesAdp && altstore.Wait && StepsToRun(altstore).HasFlag(AltStoreSteps.ProcessAdp)) return null;
        var missing = new List<string>();
        if (new AppLocator(ios?.Identifier, altstore.MarketplaceId).IsEmpty)
            missing.Add("the app (an .ipa artifact for its bundle identifier, or altstore-marketplace-id)");
        if ((scope.Version ?? ios?.Version) is null) missing.Add("the version (an .ipa artifact, or version)");
        if ((scope.BuildNumber ?? ios?.Build) is null) missing.Add("the build (an .ipa artifact, or build-number)");
        if (ios is null) missing.Add("the size (an .ipa artifact, or altstore-adp-id for the ADP's)");
        return missing.Count == 0 ? null : $"cannot add a version without {string.Join(", ", missing)}";
    }

    private async Task UpdateSourceAsync(AltStoreSettings altstore, ArtifactSet artifacts, AdpResult? adp, HostedAdp? hosted,
        AltStoreSteps steps, RunRecord run, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(altstore.SourceFile!, scope.WorkingDirectory);
        var name = $"source {Path.GetFileName(path)}";
        var ios = artifacts.Items.FirstOrDefault(a => a.Platform == ArtifactPlatform.Ios);
        var manifest = hosted?.Manifest;
        var locator = new AppLocator(ios?.Identifier ?? manifest?.BundleId, altstore.MarketplaceId ?? manifest?.AppleItemId);
        var version = scope.Version ?? ios?.Version ?? manifest?.ShortVersion;
        var build = scope.BuildNumber ?? ios?.Build ?? manifest?.BundleVersion;
        var size = hosted?.VariantSize ?? ios?.SizeBytes;
        if (MissingForTheSource(artifacts) is { } missing)
        {
            run.Items.Add(Item(name, Outcome.Failed, missing));
            return;
        }
        if (run.Items.Any(i => i.Outcome == Outcome.Failed))
        {
            run.Items.Add(Item(name, Outcome.Skipped, "an earlier AltStore step failed, so the source was left as it is"));
            return;
        }

        var downloadUrl = altstore.HostedUrl ?? hosted?.ManifestUrl ?? (adp?.DownloadUrl is { } link ? new Uri(link) : null)
                          ?? await IpaLinkOfThisRunAsync(path, ios, run, cancellationToken)
                          // A dry run validates the edit with a stand-in for the link AltStore has not given yet.
                          ?? (scope.DryRun ? new Uri("https://adp.invalid/dry-run") : null);
        if (downloadUrl is null || locator.IsEmpty || version is null || build is null || size is null)
        {
            run.Items.Add(scope.DryRun
                ? Item(name, Outcome.Skipped, "dry run: would add the version the ADP names once it is processed")
                : Item(name, steps.HasFlag(AltStoreSteps.ProcessAdp) ? Outcome.Skipped : Outcome.Failed,
                    steps.HasFlag(AltStoreSteps.ProcessAdp)
                        ? "no ADP download link to point the new version at (the ADP is not processed yet)"
                        : "no download link: give altstore-hosted-url (where the ADP is hosted for a PAL source, the .ipa's public URL " +
                          "for a Classic one), or altstore-adp-id to process the ADP"));
            return;
        }

        var entry = new AltSourceVersion
        {
            Version = version,
            BuildVersion = build,
            Date = time.GetUtcNow(),
            DownloadUrl = downloadUrl,
            Size = size.Value,
            Description = scope.ReleaseNotes,
            MinOsVersion = manifest?.MinimumIosVersion ?? ios?.MinimumOsVersion,
            AssetUrls = hosted?.AssetUrls ?? [],
        };
        var facts = new Dictionary<string, string> { ["version"] = entry.Version, ["build"] = entry.BuildVersion, ["path"] = path };
        try
        {
            var update = await AltSourceFile.AddVersionAsync(path, locator, entry, write: !scope.DryRun, cancellationToken);
            facts["app"] = update.AppName;
            facts["kind"] = update.Kind == SourceKind.Pal ? "PAL" : "Classic";
            var (outcome, reason) = (update.Edit, scope.DryRun) switch
            {
                (SourceEdit.Unchanged, _) => (Outcome.AlreadyDone, $"{update.AppName} {entry.Version} ({entry.BuildVersion}) is already in the source"),
                (SourceEdit.Added, true) => (Outcome.Skipped, $"dry run: would add {update.AppName} {entry.Version} ({entry.BuildVersion}) at the top of its versions"),
                (SourceEdit.Replaced, true) => (Outcome.Skipped, $"dry run: would update the existing {update.AppName} {entry.Version} ({entry.BuildVersion}) entry"),
                (SourceEdit.Added, false) => (Outcome.Succeeded, $"added {update.AppName} {entry.Version} ({entry.BuildVersion})"),
                _ => (Outcome.Succeeded, $"updated the existing {update.AppName} {entry.Version} ({entry.BuildVersion}) entry"),
            };
            run.Items.Add(Item(name, outcome, reason, facts) with { Details = update.Warnings });
            if (update.Warnings.Count > 0)
                run.Notes.Add($"The {update.Kind.Describe()} already had {update.Warnings.Count} problem(s) this update left alone: " +
                              ProblemList.Brief(update.Warnings));
            if (update.Written)
            {
                run.Notes.Add($"The source file {path} was updated: publish it (commit or upload) so AltStore sees {entry.Version} ({entry.BuildVersion}).");
                if (hosted?.ManifestUrl is null && altstore.HostedUrl is null)
                    run.Notes.Add("The new version points at AltStore's ADP download link, which expires; host the unpacked ADP " +
                                  "and give altstore-hosted-url for a link that lasts.");
            }
        }
        catch (AltSourceException failure)
        {
            run.Items.Add(Item(name, Outcome.Failed, secrets.Redact(failure.Message), facts) with { Details = failure.Problems });
        }
        catch (IOException failure)
        {
            run.Items.Add(Item(name, Outcome.Failed, $"could not read or write {path}: {secrets.Redact(failure.Message)}", facts));
        }
    }

    /// <summary>
    /// For a Classic source, which points at the .ipa itself: the public link another target of this run gave it
    /// (its Fenfa download, its GitHub release asset), once those targets have finished.
    /// </summary>
    private async Task<Uri?> IpaLinkOfThisRunAsync(string sourcePath, ArtifactInfo? ios, RunRecord run, CancellationToken cancellationToken)
    {
        if (ios is null || await AltSourceFile.KindOfAsync(sourcePath, cancellationToken) != SourceKind.Classic) return null;
        if (await links.ForAsync(ios.FileName, cancellationToken) is not { } link) return null;
        run.Notes.Add($"The Classic source's new version points at {ios.FileName} as {link.Target} serves it: {link.Url}");
        return link.Url;
    }

    private async Task FederateAsync(AltStoreSettings altstore, RunRecord run, CancellationToken cancellationToken)
    {
        var source = altstore.SourceUrl!;
        var name = $"federate {source}";
        if (run.Items.Any(i => i.Outcome == Outcome.Failed))
        {
            run.Items.Add(Item(name, Outcome.Skipped, "an earlier AltStore step failed"));
            return;
        }
        if (scope.DryRun)
        {
            run.Items.Add(Item(name, Outcome.Skipped, "dry run: would ask AltStore to federate the source"));
            return;
        }
        try
        {
            var answer = await gateway.FederateAsync(source, cancellationToken);
            run.Items.Add(Item(name, Outcome.Succeeded, $"AltStore answered {answer}",
                new Dictionary<string, string> { ["answer"] = answer }));
        }
        catch (RemoteServiceException failure)
        {
            run.Items.Add(Item(name, Outcome.Failed, secrets.Redact(failure.Message)));
        }
    }

    private static ItemResult Item(string name, Outcome outcome, string? reason, Dictionary<string, string>? facts = null) =>
        new() { Name = name, Outcome = outcome, Reason = reason, Facts = facts ?? new Dictionary<string, string>() };

    private sealed class RunRecord
    {
        public List<ItemResult> Items { get; } = [];
        public Dictionary<string, string> Outputs { get; } = [];
        public Dictionary<string, string> Figures { get; } = [];
        public List<string> Notes { get; } = [];
    }
}
