namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Resolves artifact patterns to files. Patterns are relative to a base folder (or absolute) and
/// support <c>*</c> and <c>?</c> within a name and <c>**</c> for any number of folders.
/// </summary>
public static class ArtifactDiscovery
{
    /// <summary>How deep <c>**</c> descends; guards against pathological trees.</summary>
    private const int MaxRecursionDepth = 64;

    private static readonly EnumerationOptions Options = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private static readonly char[] Separators = ['/', Path.DirectorySeparatorChar];

    /// <summary>File names compare like the usual file system of the platform.</summary>
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>
    /// The files matched by <paramref name="patterns"/>: absolute paths, ordered by pattern and then
    /// by path (ordinal), each file once (at its first pattern). Folders never count as matches.
    /// Splitting a comma- or newline-separated input into patterns is the caller's job.
    /// </summary>
    /// <exception cref="ArgumentException">No non-blank pattern was given.</exception>
    /// <exception cref="ArtifactDiscoveryException">No pattern matched any file.</exception>
    public static IReadOnlyList<string> Find(IReadOnlyList<string> patterns, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        var basePath = Path.GetFullPath(baseDirectory);
        var cleaned = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (cleaned.Count == 0)
        {
            throw new ArgumentException("At least one artifact pattern is required.", nameof(patterns));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<string>();
        foreach (var pattern in cleaned)
        {
            var matches = new List<string>();
            Match(pattern, basePath, matches);
            matches.Sort(StringComparer.Ordinal);
            results.AddRange(matches.Where(seen.Add));
        }

        return results.Count > 0 ? results : throw new ArtifactDiscoveryException(cleaned, basePath);
    }

    private static void Match(string pattern, string basePath, List<string> matches)
    {
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(basePath, pattern);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var segments = full[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);

        // The literal folders before the first wildcard are where the walk starts ("." and ".." resolve here).
        var firstWildcard = Array.FindIndex(segments, GlobSegment.HasWildcard);
        if (firstWildcard < 0)
        {
            var file = Path.GetFullPath(full);
            if (File.Exists(file))
            {
                matches.Add(file);
            }

            return;
        }

        var start = Path.GetFullPath(Path.Combine([root, .. segments[..firstWildcard]]));
        var rest = segments[firstWildcard..].Where(s => s != ".").ToArray();
        Walk(start, rest, 0, 0, matches);
    }

    private static void Walk(string directory, string[] segments, int index, int depth, List<string> matches)
    {
        if (depth > MaxRecursionDepth || !Directory.Exists(directory))
        {
            return;
        }

        var segment = segments[index];
        var last = index == segments.Length - 1;

        if (segment == "**")
        {
            if (last)
            {
                // A trailing "**" means every file below, at any depth.
                AddFiles(directory, "*", matches);
            }
            else
            {
                Walk(directory, segments, index + 1, depth, matches);
            }

            foreach (var sub in SubDirectories(directory))
            {
                Walk(sub, segments, index, depth + 1, matches);
            }

            return;
        }

        if (last)
        {
            AddFiles(directory, segment, matches);
            return;
        }

        foreach (var sub in SubDirectories(directory))
        {
            if (GlobSegment.IsMatch(segment, Path.GetFileName(sub), IgnoreCase))
            {
                Walk(sub, segments, index + 1, depth + 1, matches);
            }
        }
    }

    private static void AddFiles(string directory, string segment, List<string> matches)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", Options))
        {
            if (GlobSegment.IsMatch(segment, Path.GetFileName(file), IgnoreCase))
            {
                matches.Add(file);
            }
        }
    }

    /// <summary>Sub-folders, skipping symbolic links so a link loop cannot make "**" walk forever.</summary>
    private static IEnumerable<string> SubDirectories(string directory) =>
        new DirectoryInfo(directory).EnumerateDirectories("*", Options)
            .Where(d => (d.Attributes & FileAttributes.ReparsePoint) == 0)
            .Select(d => d.FullName);
}
