namespace CiPublisher.TestSupport;

/// <summary>
/// Reads GITHUB_OUTPUT the way the runner does: <c>name=value</c> lines, and <c>name&lt;&lt;DELIM</c> heredocs
/// that end at a line equal to DELIM; a heredoc without its delimiter is an error, as on the runner.
/// </summary>
public static class GitHubFileCommandParser
{
    public static Dictionary<string, string> Parse(string content)
    {
        var result = new Dictionary<string, string>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; ; i++)
                {
                    if (i >= lines.Length) throw new FormatException($"Matching delimiter not found '{delimiter}'");
                    if (lines[i].TrimEnd('\r') == delimiter) break;
                    value.Add(lines[i].TrimEnd('\r'));
                }
                result[name] = string.Join("\n", value);
            }
            else if (equals > 0)
            {
                result[line[..equals]] = line[(equals + 1)..];
            }
            else
            {
                throw new FormatException($"Invalid format '{line}'");
            }
        }
        return result;
    }
}
