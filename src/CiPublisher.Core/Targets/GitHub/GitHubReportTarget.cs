using System.Globalization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Writes the other targets' results back to GitHub: a section in the release of the tag (<c>github-release</c>), one
/// summary comment on the pull request (<c>github-pr-comment</c>), and, with the release assets, QR codes of the
/// install links for the summary.
/// </summary>
public sealed class GitHubReportTarget(
    RunScope scope, GitHubSettings github, IGitHubClient client, CallMeter calls, SecretRegistry secrets, TimeProvider time, ITransferProgress progress,
    ILogger<GitHubReportTarget> logger, GitHubAssetsClient assets)
    : IReportTarget
{
    private const string NoRelease = "not a tag build and no version known, so there is no release to write to";
    private const string PullRequestLeavesReleases = "pull-request runs leave releases alone (their merge commit is on no branch)";
    private const string NotAPullRequest = "not a pull-request run (give github-pr-number to comment on one)";

    public string Name => "GitHub";

    public bool IsEnabled => github.Release || github.PullRequestComment || github.ReleaseAssets;

    public async Task<TargetResult> RunAsync(RunReport report, CancellationToken cancellationToken)
    {
        secrets.Register(github.Token);

        var repository = github.Repository;
        var version = scope.Version ?? report.Version;
        var pullRequestRun = scope.Context.IsPullRequest;
        var tag = pullRequestRun ? null : ReleaseTag.For(scope.Context, version);
        if (scope.DryRun || report.DryRun) return DryRun(github, PlanFor(report, version, tag));

        var gateway = new GitHubGateway(repository, time, secrets, logger);
        var items = new List<ItemResult>();
        if (github.ReleaseAssets && tag is not null)
        {
            items.AddRange(await GuardManyAsync("QR codes", async () =>
            {
                var release = await new ReleaseWriter(client, gateway, repository, time).EnsureAsync(tag, scope.Context.Sha, cancellationToken);
                return await new QrCodeAssets(assets, repository, scope.Http, progress, time, logger)
                    .PublishAsync(report, release.Id, release.UploadUrl, cancellationToken);
            }));
        }
        // The release section and the comment show the QR codes just made, as the job summary does.
        var plan = PlanFor(report, version, tag, [.. items]);
        if (github.Release)
        {
            items.Add(plan.Tag is null
                ? Skipped("release", plan.NoReleaseReason)
                : await GuardAsync($"release {plan.Tag.Name}", () =>
                    new ReleaseWriter(client, gateway, repository, time).WriteAsync(plan.Tag, plan.Block, scope.Context.Sha, cancellationToken)));
        }
        if (github.PullRequestComment)
        {
            items.Add(plan.PullRequest is not { } number
                ? Skipped("pull request comment", NotAPullRequest)
                : await GuardAsync($"pull request #{number}", () =>
                    new PullRequestCommentWriter(client, gateway, repository, time).WriteAsync(number, plan.CommentBody, cancellationToken)));
        }

        foreach (var item in items)
        {
            if (item.Outcome == Outcome.Failed) logger.LogError("GitHub: {Item}: {Reason}", item.Name, item.Reason);
            else logger.LogInformation("GitHub: {Item}: {Reason}", item.Name, item.Reason);
        }
        var outcome = TargetResult.Combine(items);
        return new TargetResult
        {
            Target = Name,
            Outcome = outcome,
            Reason = items.FirstOrDefault(i => i.Outcome == Outcome.Failed)?.Reason,
            Items = items,
            Figures = Figures(),
        };
    }

    private Plan PlanFor(RunReport report, string? version, ReleaseTag? tag, IReadOnlyList<ItemResult>? qrCodes = null)
    {
        var summary = DistributionSummary.Render(report, scope.Context, version, qrCodes);
        return new Plan(tag, scope.Context.IsPullRequest ? PullRequestLeavesReleases : NoRelease,
            scope.Context.PullRequestNumber is > 0 and var pullRequest ? pullRequest : null,
            ReleaseSection.Wrap(summary), PullRequestCommentWriter.CommentBody(summary));
    }

    private async Task<IReadOnlyList<ItemResult>> GuardManyAsync(string itemName, Func<Task<IReadOnlyList<ItemResult>>> write)
    {
        try
        {
            return await write();
        }
        catch (RemoteServiceException failure)
        {
            return [new ItemResult { Name = itemName, Outcome = Outcome.Failed, Reason = failure.Message }];
        }
    }

    private async Task<ItemResult> GuardAsync(string itemName, Func<Task<ItemResult>> write)
    {
        try
        {
            return await write();
        }
        catch (RemoteServiceException failure)
        {
            return new ItemResult { Name = itemName, Outcome = Outcome.Failed, Reason = failure.Message };
        }
    }

    private TargetResult DryRun(GitHubSettings github, Plan plan)
    {
        var items = new List<ItemResult>();
        var notes = new List<string>();
        if (github.Release && plan.Tag is null) items.Add(Skipped("release", plan.NoReleaseReason));
        if (github.Release && plan.Tag is { } tag)
        {
            items.Add(Skipped($"release {tag.Name}", "dry run: would write the distribution section (creating the release if missing" +
                (tag.IsPrerelease ? ", as a pre-release)" : ")"), plan.Block));
            notes.Add($"Dry run: the section for release {tag.Name} would be:\n{plan.Block}");
        }
        if (github.PullRequestComment && plan.PullRequest is null) items.Add(Skipped("pull request comment", NotAPullRequest));
        if (github.PullRequestComment && plan.PullRequest is { } number)
        {
            items.Add(Skipped($"pull request #{number}", "dry run: would add or update the summary comment", plan.CommentBody));
            notes.Add($"Dry run: the comment on pull request #{number} would be:\n{plan.CommentBody}");
        }
        return new TargetResult { Target = Name, Outcome = Outcome.Skipped, Reason = "dry run: nothing written", Items = items, Notes = notes };
    }

    private Dictionary<string, string> Figures()
    {
        var figures = new Dictionary<string, string> { [CallMeter.FigureName] = calls.Figure(GitHubGateway.Service) };
        if (client.GetLastApiInfo()?.RateLimit is { } limit)
            figures["rate-limit-remaining"] = limit.Remaining.ToString(CultureInfo.InvariantCulture);
        return figures;
    }

    private static ItemResult Skipped(string name, string reason, string? wouldWrite = null) => new()
    {
        Name = name, Outcome = Outcome.Skipped, Reason = reason,
        Facts = wouldWrite is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["would-write"] = wouldWrite },
    };

    /// <summary>What a run would write; <see cref="NoReleaseReason"/> says why when <see cref="Tag"/> is null.</summary>
    private sealed record Plan(ReleaseTag? Tag, string NoReleaseReason, int? PullRequest, string Block, string CommentBody);
}
