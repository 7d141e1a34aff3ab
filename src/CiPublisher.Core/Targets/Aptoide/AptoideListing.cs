using System.Globalization;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>The store listing fields sent with every upload; Aptoide demands them for apps no other market knows.</summary>
public sealed record AptoideListing(int? Category, int? Rating, string? Description)
{
    private static readonly Dictionary<string, int> RatingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = 1, ["pre-teen"] = 2, ["teen"] = 3, ["mature"] = 4,
    };

    /// <summary>Reads the inputs; the error names the input as the user spells it.</summary>
    public static bool TryParse(AptoideSettings settings, out AptoideListing listing, out string? error)
    {
        listing = new AptoideListing(null, null, string.IsNullOrWhiteSpace(settings.Description) ? null : settings.Description);
        error = null;

        // Category numbers are passed through: the v1 and v3 docs number them differently, so names are not mapped.
        if (!string.IsNullOrWhiteSpace(settings.Category))
        {
            if (!int.TryParse(settings.Category, NumberStyles.None, CultureInfo.InvariantCulture, out var category) || category <= 0)
            {
                error = $"aptoide-category must be Aptoide's category number (for example 16 for Tools), got '{settings.Category}'";
                return false;
            }
            listing = listing with { Category = category };
        }

        if (!string.IsNullOrWhiteSpace(settings.Rating))
        {
            var text = settings.Rating.Trim();
            var known = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
                ? rating is >= 1 and <= 4
                : RatingNames.TryGetValue(text, out rating);
            if (!known)
            {
                error = $"aptoide-rating must be 1 (All), 2 (Pre-Teen), 3 (Teen) or 4 (Mature), got '{settings.Rating}'";
                return false;
            }
            listing = listing with { Rating = rating };
        }
        return true;
    }
}
