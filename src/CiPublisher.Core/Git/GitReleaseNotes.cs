using System.Text;

namespace CiPublisher.Core.Git;

/// <summary>What the checkout says changed: the commit subjects since the previous tag, and why the list may be short.</summary>
/// <param name="HistoryCut">The walk reached the end of a shallow checkout before any earlier tag.</param>
public sealed record GitReleaseNotes(IReadOnlyList<string> Subjects, string? PreviousTag, bool HistoryCut)
{
    /// <summary>Enough for any release; a repository without tags would otherwise list its whole history.</summary>
    public const int MostCommits = 200;

    /// <summary>
    /// Walks back from HEAD, newest first, to the nearest tagged commits (tags on HEAD itself are the release being
    /// made); merge commits are left out, as <c>git log --no-merges</c> does.
    /// </summary>
    public static GitReleaseNotes Read(GitRepository repository)
    {
        var head = repository.Head() ?? throw new InvalidDataException("HEAD names no commit");
        var tagged = repository.Tags().Where(t => t.Value != head).ToLookup(t => t.Value, t => t.Key);
        var shallow = repository.ShallowCommits;
        var queue = new PriorityQueue<GitCommit, DateTimeOffset>(Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var subjects = new List<string>();
        string? previous = null;
        var cut = false;

        void Enqueue(string sha)
        {
            if (!seen.Add(sha)) return;
            if (tagged.Contains(sha))
            {
                previous ??= tagged[sha].Order(StringComparer.Ordinal).First();
                return;
            }
            if (repository.Read(sha) is not { Kind: "commit" } found)
            {
                cut = true;
                return;
            }
            var commit = GitCommit.Parse(sha, found.Content);
            queue.Enqueue(commit, commit.CommittedAt);
        }

        Enqueue(head);
        while (queue.Count > 0 && subjects.Count < MostCommits)
        {
            var commit = queue.Dequeue();
            if (commit.Parents.Count <= 1 && commit.Subject.Length > 0) subjects.Add(commit.Subject);
            if (shallow.Contains(commit.Sha))
            {
                cut = true;
                continue;
            }
            foreach (var parent in commit.Parents) Enqueue(parent);
        }
        return new GitReleaseNotes(subjects, previous, cut && previous is null);
    }

    /// <summary>A Markdown list, newest first.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var subject in Subjects) text.Append("- ").Append(subject).Append('\n');
        return text.ToString().TrimEnd();
    }
}
