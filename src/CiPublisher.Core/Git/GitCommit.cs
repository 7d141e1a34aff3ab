using System.Globalization;
using System.Text;

namespace CiPublisher.Core.Git;

/// <summary>The parts of a commit release notes need: parents, when it was committed, and its subject line.</summary>
public sealed record GitCommit(string Sha, IReadOnlyList<string> Parents, DateTimeOffset CommittedAt, string Subject)
{
    public static GitCommit Parse(string sha, byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = (split < 0 ? text : text[..split]).Split('\n');
        var message = split < 0 ? "" : text[(split + 2)..];
        var parents = headers.Where(h => h.StartsWith("parent ", StringComparison.Ordinal)).Select(h => h[7..].Trim()).ToList();
        var committer = headers.FirstOrDefault(h => h.StartsWith("committer ", StringComparison.Ordinal));
        return new GitCommit(sha, parents, TimeOf(committer), message.Split('\n')[0].Trim());
    }

    /// <summary>"committer Name &lt;mail&gt; 1764480000 +0100": the Unix time before the zone.</summary>
    private static DateTimeOffset TimeOf(string? committer)
    {
        var parts = committer?.Split(' ');
        return parts is { Length: >= 2 } && long.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
    }
}
