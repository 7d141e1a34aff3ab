namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// An ADP ID AltStore may be sent. Its format is not documented, so it is opaque; but it becomes a URL path segment,
/// and a value that could walk the path or cut the URL is certainly a mistake (a pasted URL, a stray newline), so no
/// ID is made of one: whoever holds an <see cref="AdpId"/> need not check it again.
/// </summary>
public sealed record AdpId
{
    private static readonly char[] PathCharacters = ['/', '\\', '?', '#', '%'];

    private AdpId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The ID, or null and what is wrong with the text (for the caller to say whose text it is).</summary>
    public static AdpId? Parse(string? text, out string? problem)
    {
        problem = ProblemWith(text);
        return problem is null ? new AdpId(text!) : null;
    }

    public override string ToString() => Value;

    private static string? ProblemWith(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "is empty";
        if (text.Any(char.IsWhiteSpace)) return $"must not contain whitespace (got '{text}')";
        if (text.Any(char.IsControl)) return "must not contain control characters";
        if (text.IndexOfAny(PathCharacters) >= 0 || text.Contains("..", StringComparison.Ordinal))
            return $"must be the ADP ID alone, without '/', '\\', '..', '?', '#' or '%' (got '{text}')";
        return null;
    }
}
