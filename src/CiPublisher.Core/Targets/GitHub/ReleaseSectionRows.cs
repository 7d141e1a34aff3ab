using System.Text.RegularExpressions;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Merges one job's distribution block into the block already in a release, so that the jobs of a build matrix
/// (an iOS job, an Android job) share one section: a row is keyed by what it describes (artifact and target) and
/// replaced only by a row with the same key; the other jobs' rows and status lines stay.
/// </summary>
public static partial class ReleaseSectionRows
{
    /// <summary>
    /// <paramref name="ours"/> with the rows and status lines of <paramref name="theirs"/> that it does not describe
    /// itself, in their order; our heading and provenance line win.
    /// </summary>
    public static string Merge(string theirs, string ours)
    {
        var mine = Parse(ours);
        var existing = Parse(theirs);
        var keys = mine.Rows.Select(RowKey).ToHashSet(StringComparer.Ordinal);
        var rows = existing.Rows.Select(row => keys.Contains(RowKey(row)) ? mine.Rows.First(r => RowKey(r) == RowKey(row)) : row).ToList();
        rows.AddRange(mine.Rows.Where(r => !existing.Rows.Select(RowKey).Contains(RowKey(r))));
        var labels = mine.Statuses.Select(StatusLabel).ToHashSet(StringComparer.Ordinal);
        var statuses = existing.Statuses.Where(s => !labels.Contains(StatusLabel(s))).Concat(mine.Statuses).ToList();

        var lines = new List<string>(mine.Head) { "" };
        lines.AddRange(mine.TableHeader);
        lines.AddRange(rows);
        foreach (var status in statuses)
        {
            lines.Add("");
            lines.Add(status);
        }
        if (mine.Tail.Count > 0)
        {
            lines.Add("");
            lines.AddRange(mine.Tail);
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Whether every row and status line of <paramref name="ours"/> stands in <paramref name="block"/>.</summary>
    public static bool Contains(string block, string ours)
    {
        var present = block.Split('\n').ToHashSet(StringComparer.Ordinal);
        var mine = Parse(ours);
        return mine.Rows.Concat(mine.Statuses).All(present.Contains);
    }

    private sealed record Parts(List<string> Head, List<string> TableHeader, List<string> Rows, List<string> Statuses, List<string> Tail);

    private static Parts Parse(string block)
    {
        var parts = new Parts([], [], [], [], []);
        foreach (var line in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                if (parts.TableHeader.Count < 2) parts.TableHeader.Add(line);
                else parts.Rows.Add(line);
            }
            else if (line.StartsWith("**", StringComparison.Ordinal)) parts.Statuses.Add(line);
            else if (line.Length == 0 || line.StartsWith(ReleaseSection.StartMarker, StringComparison.Ordinal)
                     || line.StartsWith(ReleaseSection.EndMarker, StringComparison.Ordinal)) continue;
            else if (parts.TableHeader.Count == 0) parts.Head.Add(line);
            else parts.Tail.Add(line);
        }
        return parts;
    }

    /// <summary>The first two cells, artifact and target (a pipe inside a cell is escaped as \|).</summary>
    private static string RowKey(string row)
    {
        var cells = UnescapedPipe().Split(row.Trim());
        return cells.Length > 3 ? $"{cells[1].Trim()}\u0001{cells[2].Trim()}" : row;
    }

    private static string StatusLabel(string status) => status.Split(":**", 2)[0];

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
