namespace CiPublisher.Core.Artifacts;

/// <summary>Matches one path segment (a file or folder name) against a pattern with <c>*</c> and <c>?</c>.</summary>
internal static class GlobSegment
{
    internal static bool HasWildcard(string segment) => segment.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// <c>*</c> is any run of characters, <c>?</c> exactly one. Greedy with a single backtrack point,
    /// so the cost stays linear-ish whatever the pattern (no regex, no exponential backtracking).
    /// </summary>
    internal static bool IsMatch(string pattern, string name, bool ignoreCase)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], name[n], ignoreCase)))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
