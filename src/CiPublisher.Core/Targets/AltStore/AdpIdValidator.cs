namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// The ADP ID's format is not documented, so it is opaque; but it becomes a URL path segment, and a value
/// that could walk the path or cut the URL is certainly a mistake (a pasted URL, a stray newline).
/// </summary>
public static class AdpIdValidator
{
    /// <summary>The value that asks for the ADP to be found in App Store Connect instead of given.</summary>
    public const string Auto = "auto";

    public static bool IsAuto(string? adpId) => string.Equals(adpId, Auto, StringComparison.OrdinalIgnoreCase);

    private static readonly char[] PathCharacters = ['/', '\\', '?', '#', '%'];

    /// <summary>Null when the ID may be sent; otherwise what is wrong with it, for the caller to say whose ID it is.</summary>
    public static string? ProblemWith(string? adpId)
    {
        if (string.IsNullOrWhiteSpace(adpId)) return "is empty";
        if (adpId.Any(char.IsWhiteSpace)) return $"must not contain whitespace (got '{adpId}')";
        if (adpId.Any(char.IsControl)) return "must not contain control characters";
        if (adpId.IndexOfAny(PathCharacters) >= 0 || adpId.Contains("..", StringComparison.Ordinal))
            return $"must be the ADP ID alone, without '/', '\\', '..', '?', '#' or '%' (got '{adpId}')";
        return null;
    }
}
