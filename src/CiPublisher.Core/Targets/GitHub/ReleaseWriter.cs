using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>Puts the distribution block into the release of a tag: replaced in place, appended, or in a new release.</summary>
public sealed class ReleaseWriter(IGitHubClient client, GitHubGateway gateway, RepositoryName repository)
{
    public async Task<ItemResult> WriteAsync(ReleaseTag tag, string block, string? targetCommitish, CancellationToken cancellationToken)
    {
        var itemName = $"release {tag.Name}";
        var release = await FindAsync(tag, cancellationToken);
        if (release is null)
        {
            var created = await gateway.CallAsync(new GitHubOperation($"create the release {tag.Name}", GitHubOperation.ContentsWrite),
                () => client.Repository.Release.Create(repository.Owner, repository.Name, new NewRelease(tag.Name)
                {
                    Name = tag.Name,
                    Body = block,
                    Draft = false,
                    Prerelease = tag.IsPrerelease,
                    TargetCommitish = targetCommitish,
                }), cancellationToken);
            return Item(itemName, Outcome.Succeeded, "created the release with the distribution section", created);
        }

        var merged = ReleaseSection.Merge(release.Body, block);
        if (merged is null)
        {
            return new ItemResult
            {
                Name = itemName, Outcome = Outcome.Failed,
                Reason = $"the release body has {ReleaseSection.StartMarker} without {ReleaseSection.EndMarker}; " +
                         "restore or remove the marker by hand so your own text is not overwritten",
                Links = Links(release),
            };
        }
        if (merged == release.Body) return Item(itemName, Outcome.AlreadyDone, "the distribution section is up to date", release);

        var updated = await gateway.CallAsync(new GitHubOperation($"update the release {tag.Name}", GitHubOperation.ContentsWrite),
            () => client.Repository.Release.Edit(repository.Owner, repository.Name, release.Id, new ReleaseUpdate { Body = merged }),
            cancellationToken);
        return Item(itemName, Outcome.Succeeded, "updated the distribution section", updated);
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

    private static ItemResult Item(string name, Outcome outcome, string reason, Release release) =>
        new() { Name = name, Outcome = outcome, Reason = reason, Links = Links(release), Facts = new Dictionary<string, string>
        {
            ["release-id"] = release.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["prerelease"] = release.Prerelease ? "true" : "false",
        } };

    private static Dictionary<string, string> Links(Release release) =>
        string.IsNullOrEmpty(release.HtmlUrl) ? [] : new() { ["release"] = release.HtmlUrl };
}
