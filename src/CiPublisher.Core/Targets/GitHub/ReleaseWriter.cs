using System.Globalization;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>Puts the distribution block into the release of a tag: replaced in place, appended, or in a new release.</summary>
public sealed class ReleaseWriter(IGitHubClient client, GitHubGateway gateway, RepositoryName repository, TimeProvider time)
{
    // Jobs of a matrix write the same release at once; a write can replace another's in between its read and its
    // edit. Reading back and merging again converges within a few rounds.
    private const int MaxMergeRounds = 5;
    private static readonly TimeSpan MergeBackoff = TimeSpan.FromMilliseconds(500);

    public async Task<ItemResult> WriteAsync(ReleaseTag tag, string block, string? targetCommitish, CancellationToken cancellationToken)
    {
        var release = await FindAsync(tag, cancellationToken);
        if (release is not null) return await UpdateAsync(tag, release, block, cancellationToken);

        return await CreateOnceAsync(
            async ct => Item(tag, Outcome.Succeeded, "created the release with the distribution section", await CreateAsync(tag, block, targetCommitish, ct)),
            async ct => await FindAsync(tag, ct) is { } landed ? await UpdateAsync(tag, landed, block, ct) : null,
            cancellationToken);
    }

    /// <summary>
    /// The release of the tag, created published and without a body when missing (the distribution section is written
    /// later, merged into whatever is there); a parallel job's create is found, not doubled.
    /// </summary>
    public async Task<Release> EnsureAsync(ReleaseTag tag, string? targetCommitish, CancellationToken cancellationToken)
    {
        if (await FindAsync(tag, cancellationToken) is { } found) return found;
        return await CreateOnceAsync(ct => CreateAsync(tag, null, targetCommitish, ct), ct => FindAsync(tag, ct), cancellationToken);
    }

    /// <summary>
    /// Our create may land without an answer, or a parallel job (a build matrix) may create the release first: either
    /// way look again rather than create twice; send again only when it is not there and was not "already exists".
    /// </summary>
    private Task<T> CreateOnceAsync<T>(Func<CancellationToken, Task<T>> create, Func<CancellationToken, Task<T?>> findLanded,
        CancellationToken cancellationToken) where T : class =>
        LandedCheck.SendAsync(new Write<T>
        {
            Send = create,
            MayHaveLanded = e => e is RemoteServiceException failure && (failure.IsTransient || failure.Code == AlreadyExists),
            FindLanded = (_, ct) => findLanded(ct),
            MaySendAgain = e => ((RemoteServiceException)e).Code != AlreadyExists,
            MaxAttempts = MaxCreateAttempts,
        }, time, cancellationToken);

    private Task<Release> CreateAsync(ReleaseTag tag, string? body, string? targetCommitish, CancellationToken cancellationToken) =>
        gateway.CallAsync(new GitHubOperation($"create the release {tag.Name}", GitHubOperation.ContentsWrite),
            () => client.Repository.Release.Create(repository.Owner, repository.Name, new NewRelease(tag.Name)
            {
                Name = tag.Name,
                Body = body,
                Draft = false,
                Prerelease = tag.IsPrerelease,
                TargetCommitish = targetCommitish,
            }), cancellationToken);

    private const string AlreadyExists = "already_exists";

    private const int MaxCreateAttempts = 3;

    private async Task<ItemResult> UpdateAsync(ReleaseTag tag, Release release, string block, CancellationToken cancellationToken)
    {
        var merged = ReleaseSection.Merge(release.Body, block);
        if (merged is null) return MarkerBroken(tag, release);
        if (merged == release.Body) return Item(tag, Outcome.AlreadyDone, "the distribution section is up to date", release);

        for (var round = 1; ; round++)
        {
            var updated = await gateway.CallAsync(new GitHubOperation($"update the release {tag.Name}", GitHubOperation.ContentsWrite),
                () => client.Repository.Release.Edit(repository.Owner, repository.Name, release.Id, new ReleaseUpdate { Body = merged }),
                cancellationToken);
            var readBack = await FindAsync(tag, cancellationToken) ?? updated;
            if (ReleaseSectionRows.Contains(readBack.Body ?? "", block))
                return Item(tag, Outcome.Succeeded, round == 1 ? "updated the distribution section"
                    : $"updated the distribution section (merged with another job's write, {round} rounds)", readBack);
            if (round >= MaxMergeRounds)
                return new ItemResult
                {
                    Name = ItemName(tag), Outcome = Outcome.Failed, Links = Links(readBack),
                    Reason = $"other jobs kept replacing the distribution section; after {round} rounds this job's rows are not in it",
                };
            // Another job's write replaced ours: merge into what is there now, after a pause that keeps the jobs apart.
            await Task.Delay(MergeBackoff * round * (0.5 + Random.Shared.NextDouble()), time, cancellationToken);
            release = readBack;
            merged = ReleaseSection.Merge(release.Body, block);
            if (merged is null) return MarkerBroken(tag, release);
        }
    }

    private async Task<Release?> FindAsync(ReleaseTag tag, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.CallAsync(new GitHubOperation($"read the release {tag.Name}", GitHubOperation.ContentsWrite),
                () => client.Repository.Release.Get(repository.Owner, repository.Name, tag.Name), cancellationToken);
        }
        catch (RemoteServiceException notFound) when (notFound.Kind == RemoteFailureKind.NotFound)
        {
            // Also what a missing repository looks like; the create that follows then fails with the explanation.
            return null;
        }
    }

    private static string ItemName(ReleaseTag tag) => $"release {tag.Name}";

    private static ItemResult MarkerBroken(ReleaseTag tag, Release release) => new()
    {
        Name = ItemName(tag), Outcome = Outcome.Failed,
        Reason = $"the release body has {ReleaseSection.StartMarker} without {ReleaseSection.EndMarker}; " +
                 "restore or remove the marker by hand so your own text is not overwritten",
        Links = Links(release),
    };

    private static ItemResult Item(ReleaseTag tag, Outcome outcome, string reason, Release release) => new()
    {
        Name = ItemName(tag), Outcome = outcome, Reason = reason, Links = Links(release),
        Facts = new Dictionary<string, string>
        {
            ["release-id"] = release.Id.ToString(CultureInfo.InvariantCulture),
            ["prerelease"] = release.Prerelease ? "true" : "false",
        },
    };

    private static Dictionary<string, string> Links(Release release) =>
        string.IsNullOrEmpty(release.HtmlUrl) ? [] : new() { ["release"] = release.HtmlUrl };
}
