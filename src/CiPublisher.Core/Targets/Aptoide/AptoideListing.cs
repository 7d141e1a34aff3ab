using System.Globalization;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>The store listing fields sent with every upload; Aptoide demands them for apps no other market knows.</summary>
public sealed record AptoideListing(int? Category, int? Rating, string? Description)
{
    private static readonly Dictionary<string, int> RatingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = 1, ["pre-teen"] = 2, ["teen"] = 3, ["mature"] = 4,
    };

    /// <summary>
    /// Aptoide's category number, passed through: the v1 and v3 docs number them differently, so names are not mapped.
    /// Null with a problem when the text is not one.
    /// </summary>
    public static int? ParseCategory(string text, out string? problem)
    {
        problem = null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var category) && category > 0) return category;
        problem = $"must be Aptoide's category number (for example 16 for Tools), got '{text}'";
        return null;
    }

    /// <summary>The age rating, 1 to 4 or its name (All, Pre-Teen, Teen, Mature); null with a problem when it is neither.</summary>
    public static int? ParseRating(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        var known = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
            ? rating is >= 1 and <= 4
            : RatingNames.TryGetValue(trimmed, out rating);
        if (known) return rating;
        problem = $"must be 1 (All), 2 (Pre-Teen), 3 (Teen) or 4 (Mature), got '{text}'";
        return null;
    }
}
