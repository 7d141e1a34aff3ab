using System.Collections.Concurrent;
using System.Text;

namespace CiPublisher.Core.Security;

/// <summary>
/// Every secret the run knows (inputs and values derived at run time: JWTs, access tokens).
/// Registering a secret tells the CI platform to mask it, and from then on <see cref="Redact"/>
/// removes it, each of its lines, and its base64 form from any text the program writes.
/// </summary>
public sealed class SecretRegistry
{
    public const string Mask = "***";

    // Shorter values would redact ordinary letters from every line (a token "t" would mangle the whole log)
    // and cannot be real credentials; neither whole secrets nor lines of one shorter than this are masked.
    private const int MinimumFragmentLength = 4;

    private readonly ConcurrentDictionary<string, byte> _fragments = new(StringComparer.Ordinal);
    private readonly List<Action<string>> _listeners = [];
    private volatile string[] _sortedFragments = [];

    /// <summary>Called once per new fragment (one line of the secret) so the platform can mask it.</summary>
    public void OnRegistered(Action<string> listener)
    {
        lock (_listeners) _listeners.Add(listener);
    }

    public void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Trim().Length < MinimumFragmentLength) return;

        var added = new List<string>();
        foreach (var fragment in FragmentsOf(secret))
        {
            if (_fragments.TryAdd(fragment, 0)) added.Add(fragment);
        }
        if (added.Count == 0) return;

        _sortedFragments = [.. _fragments.Keys.OrderByDescending(f => f.Length)];
        Action<string>[] listeners;
        lock (_listeners) listeners = [.. _listeners];
        foreach (var fragment in added)
        {
            foreach (var listener in listeners) listener(fragment);
        }
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        var fragments = _sortedFragments;
        if (fragments.Length == 0) return text;

        var builder = new StringBuilder(text);
        foreach (var fragment in fragments)
        {
            builder.Replace(fragment, Mask);
        }
        return builder.ToString();
    }

    private static IEnumerable<string> FragmentsOf(string secret)
    {
        var whole = secret.Trim();
        yield return whole;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(whole));

        var lines = whole.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) yield break;
        foreach (var line in lines)
        {
            if (line.Length >= MinimumFragmentLength) yield return line;
        }
    }
}
