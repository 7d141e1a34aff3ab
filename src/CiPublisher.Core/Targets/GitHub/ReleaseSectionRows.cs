using System.Text.RegularExpressions;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Merges one job's distribution block into the block already in a release, so that the jobs of a build matrix
/// (an iOS job, an Android job) share one section: in each table (Install, per target) a row is keyed by what it
/// describes (its first two cells) and replaced only by a row with the same key; the other jobs' rows and status lines stay.
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
        var tables = mine.Tables.Select(table => existing.Tables.FirstOrDefault(t => t.Name == table.Name) is { } their
                ? table with { Rows = MergeRows(their.Rows, table.Rows) }
                : table)
            .Concat(existing.Tables.Where(t => mine.Tables.All(m => m.Name != t.Name)))
            .ToList();
        var labels = mine.Statuses.Select(StatusLabel).ToHashSet(StringComparer.Ordinal);
        var statuses = existing.Statuses.Where(s => !labels.Contains(StatusLabel(s))).Concat(mine.Statuses).ToList();

        var lines = new List<string>(mine.Head);
        foreach (var table in tables)
        {
            lines.Add("");
            lines.AddRange(table.Header);
            lines.AddRange(table.Rows);
        }
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

    /// <summary>Their rows in their order, each replaced by ours when ours describes the same thing; then our new ones.</summary>
    private static List<string> MergeRows(List<string> theirs, List<string> ours)
    {
        var keys = ours.Select(RowKey).ToHashSet(StringComparer.Ordinal);
        var rows = theirs.Select(row => keys.Contains(RowKey(row)) ? ours.First(r => RowKey(r) == RowKey(row)) : row).ToList();
        var known = theirs.Select(RowKey).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(ours.Where(r => !known.Contains(RowKey(r))));
        return rows;
    }

    /// <summary>Whether every row and status line of <paramref name="ours"/> stands in <paramref name="block"/>.</summary>
    public static bool Contains(string block, string ours)
    {
        var present = block.Split('\n').ToHashSet(StringComparer.Ordinal);
        var mine = Parse(ours);
        return mine.Tables.SelectMany(t => t.Rows).Concat(mine.Statuses).All(present.Contains);
    }

    /// <summary>A Markdown table, known by the first cell of its header (the Install table, the per-target table).</summary>
    private sealed record Table(string Name, List<string> Header, List<string> Rows);

    private sealed record Parts(List<string> Head, List<Table> Tables, List<string> Statuses, List<string> Tail);

    private static Parts Parse(string block)
    {
        var parts = new Parts([], [], [], []);
        Table? current = null;
        foreach (var line in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                if (current is null)
                {
                    current = new Table(UnescapedPipe().Split(line.Trim()) is { Length: > 1 } cells ? cells[1].Trim() : line, [], []);
                    parts.Tables.Add(current);
                }
                if (current.Header.Count < 2) current.Header.Add(line);
                else current.Rows.Add(line);
                continue;
            }
            current = null;
            if (line.StartsWith("**", StringComparison.Ordinal)) parts.Statuses.Add(line);
            else if (line.Length == 0 || line.StartsWith(ReleaseSection.StartMarker, StringComparison.Ordinal)
                     || line.StartsWith(ReleaseSection.EndMarker, StringComparison.Ordinal)) continue;
            else if (parts.Tables.Count == 0) parts.Head.Add(line);
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
