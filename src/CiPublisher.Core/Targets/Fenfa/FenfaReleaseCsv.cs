namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Reads <c>/admin/exports/releases.csv</c> (Go's <c>encoding/csv</c>: RFC 4180 quoting, a header row), the one
/// listing that says which bytes a release holds (contract O.5, O.8).
/// </summary>
public static class FenfaReleaseCsv
{
    /// <summary>Release ID → lowercase SHA-256, for every row that has both.</summary>
    public static IReadOnlyDictionary<string, string> Checksums(string csv)
    {
        var rows = Rows(csv).ToList();
        if (rows.Count == 0) return new Dictionary<string, string>();
        var header = rows[0];
        var id = header.IndexOf("release_id");
        var sha = header.IndexOf("sha256");
        if (id < 0 || sha < 0) return new Dictionary<string, string>();
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Count > Math.Max(id, sha) && r[id].Length > 0 && r[sha].Length > 0))
            checksums[row[id]] = row[sha].ToLowerInvariant();
        return checksums;
    }

    private static IEnumerable<List<string>> Rows(string csv)
    {
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') field.Append(csv[++i]);
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
