using System.Text;
using System.Text.RegularExpressions;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// SQLite's <c>LIKE '%q%'</c> as Fenfa's list filters use it: case-insensitive, and <c>%</c> / <c>_</c> in the
/// query are wildcards, so <c>q</c> is "contains", not "equals".
/// </summary>
internal static class SqlLike
{
    public static Func<string, bool> Contains(string? query)
    {
        if (string.IsNullOrEmpty(query)) return _ => true;
        var pattern = new StringBuilder();
        foreach (var c in query)
        {
            pattern.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }
        var regex = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        return regex.IsMatch;
    }
}
