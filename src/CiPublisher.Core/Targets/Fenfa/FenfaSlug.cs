using System.Text;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>Fenfa's slug normalisation (contract §3.2), so "My App" is found as the "my-app" the server stores.</summary>
public static class FenfaSlug
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0) builder.Append('-');
                pendingDash = false;
                builder.Append(c);
            }
            else if (c is '-' or '_' || char.IsWhiteSpace(c))
            {
                pendingDash = true;
            }
        }
        return builder.ToString();
    }
}
