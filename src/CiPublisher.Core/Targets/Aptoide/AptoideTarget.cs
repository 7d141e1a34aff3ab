using System.Globalization;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>Uploads every APK of the run to the user's Aptoide store; sets <c>aptoide-status</c>.</summary>
public sealed class AptoideTarget : IPublishTarget
{
    public const string StatusOutput = "aptoide-status";

    private readonly AptoideSettings _aptoide;
    private readonly bool _dryRun;
    private readonly AptoideApkUploader _uploader;
    private readonly AptoideAccessTokens _tokens;
    private readonly CallMeter _calls;
    private readonly SecretRegistry _secrets;
    private readonly ILogger<AptoideTarget> _logger;

    internal AptoideTarget(RunScope scope, AptoideSettings aptoideSettings, AptoideApkUploader uploader, AptoideAccessTokens tokens, CallMeter calls,
        SecretRegistry secrets, ILogger<AptoideTarget> logger)
    {
        _aptoide = aptoideSettings;
        _dryRun = scope.DryRun;
        _uploader = uploader;
        _tokens = tokens;
        _calls = calls;
        _secrets = secrets;
        _logger = logger;
        secrets.Register(aptoideSettings.Token);
        secrets.Register(aptoideSettings.Password);
    }

    public string Name => "Aptoide";

    public bool IsEnabled => true;

    public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
    {
        var aptoide = _aptoide;

        var apks = artifacts.Items.Where(IsApk).ToList();
        var others = artifacts.Items.Where(a => !IsApk(a))
            .Select(a => Item(a, Outcome.Skipped, $"not an APK ({a.Extension}): Aptoide takes .apk files only") with { NotForThisTarget = true })
            .ToList();
        if (apks.Count == 0)
            return WithStatus(TargetResult.Skipped(Name, "no APK among the artifacts") with { Items = others }, "skipped");

        if (_dryRun)
        {
            var planned = apks.Select(a => Item(a, Outcome.Skipped, $"dry run: would upload to store {aptoide.Repo}"));
            return WithStatus(TargetResult.Skipped(Name, $"dry run: {apks.Count} APK(s) would go to store {aptoide.Repo}")
                with { Items = [.. planned, .. others] }, "skipped");
        }

        var items = new List<ItemResult>();
        foreach (var apk in apks)
        {
            items.Add(await UploadAsync(apk, aptoide.Repo, cancellationToken));
        }
        items.AddRange(others);

        var outcome = TargetResult.Combine(items);
        var result = new TargetResult
        {
            Target = Name,
            Outcome = outcome,
            Reason = outcome == Outcome.Failed
                ? string.Join("; ", items.Where(i => i.Outcome == Outcome.Failed).Select(i => i.Reason))
                : null,
            Items = items,
            Figures = new Dictionary<string, string>
            {
                [CallMeter.FigureName] = _calls.Figure(AptoideResponseReader.Service),
                ["bytes-sent"] = _uploader.BytesSent.ToString(CultureInfo.InvariantCulture),
            },
        };
        return WithStatus(result, StatusOf(items));
    }

    private async Task<ItemResult> UploadAsync(ArtifactInfo apk, string repo, CancellationToken cancellationToken)
    {
        try
        {
            var upload = await _uploader.UploadAsync(apk, cancellationToken);
            _logger.LogInformation(upload.Uploaded ? "Aptoide: uploaded {File} to store {Repo}" : "Aptoide: {File} is already in store {Repo}",
                apk.FileName, repo);
            var facts = new Dictionary<string, string> { ["md5"] = upload.Md5 };
            if (apk.Identifier is { } package) facts["package"] = package;
            return Item(apk, upload.Uploaded ? Outcome.Succeeded : Outcome.AlreadyDone,
                upload.Uploaded ? $"uploaded to store {repo}" : $"already in store {repo}") with
            {
                Published = new Publication { Version = apk.Version, Sha256 = upload.Sha256, PageUrl = upload.StoreUrl },
                Facts = facts,
            };
        }
        catch (Exception e) when (e is RemoteServiceException or IOException or UnauthorizedAccessException)
        {
            var reason = _secrets.Redact(e.Message);
            _logger.LogError("Aptoide: {File} failed: {Reason}", apk.FileName, reason);
            return Item(apk, Outcome.Failed, reason);
        }
    }

    private static bool IsApk(ArtifactInfo artifact) => string.Equals(artifact.Extension, ".apk", StringComparison.OrdinalIgnoreCase);

    private static ItemResult Item(ArtifactInfo artifact, Outcome outcome, string reason) =>
        new() { Name = artifact.FileName, Outcome = outcome, Reason = reason };

    /// <summary>Any failure fails; otherwise one new upload makes it "uploaded", and all-present makes it "existing".</summary>
    private static string StatusOf(IReadOnlyList<ItemResult> items) =>
        items.Any(i => i.Outcome == Outcome.Failed) ? "failed"
        : items.Any(i => i.Outcome == Outcome.Succeeded) ? "uploaded"
        : items.Any(i => i.Outcome == Outcome.AlreadyDone) ? "existing"
        : "skipped";

    private static TargetResult WithStatus(TargetResult result, string status) =>
        result with { Outputs = new Dictionary<string, string> { [StatusOutput] = status } };
}
