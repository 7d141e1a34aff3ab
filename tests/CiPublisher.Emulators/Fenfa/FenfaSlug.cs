using System.Text;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Slug normalization as the contract describes it (§3.2): <c>"My App_v2!"</c> → <c>my-app-v2</c>.</summary>
internal static class FenfaSlug
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var lastWasDash = false;
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(rune.ToString());
                lastWasDash = false;
            }
            else if ((rune.Value == '-' || rune.Value == '_' || Rune.IsWhiteSpace(rune)) && !lastWasDash)
            {
                builder.Append('-');
                lastWasDash = true;
            }
            // Every other character is dropped without ending a run of separators.
        }
        return builder.ToString().Trim('-');
    }
}
