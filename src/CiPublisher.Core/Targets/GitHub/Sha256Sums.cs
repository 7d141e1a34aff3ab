using System.Text;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>The <c>SHA256SUMS</c> asset, in <c>sha256sum</c>'s format (<c>sha256sum -c SHA256SUMS</c> checks downloads).</summary>
public static class Sha256Sums
{
    public const string FileName = "SHA256SUMS";

    /// <summary>Name → hex SHA-256 from a file in sha256sum's format (text or binary mode); other lines are ignored.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space != 64 || !line[..64].All(char.IsAsciiHexDigit) || line.Length < 67) continue;
            sums[line[66..].TrimStart('*')] = line[..64].ToLowerInvariant();
        }
        return sums;
    }

    /// <summary>
    /// The file for the assets now on the release: each by the SHA-256 this job computed while sending it, else GitHub's
    /// digest, else the line the file already had. An asset with none of them is left out rather than guessed.
    /// </summary>
    public static string For(IEnumerable<GitHubAsset> assets, IReadOnlyDictionary<string, string> ours, IReadOnlyDictionary<string, string> previous)
    {
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in assets.Where(a => a.IsUploaded && !a.Name.StartsWith(FileName, StringComparison.Ordinal)
                                                && !a.Name.EndsWith(ReleaseAssetName.Replacing, StringComparison.Ordinal)
                                                && !QrCodeAssets.IsQrCode(a.Name)))
        {
            if ((ours.GetValueOrDefault(asset.Name) ?? asset.Sha256 ?? previous.GetValueOrDefault(asset.Name)) is { } sha) lines[asset.Name] = sha;
        }
        var text = new StringBuilder();
        foreach (var (name, sha) in lines) text.Append(sha).Append("  ").Append(name).Append('\n');
        return text.ToString();
    }
}
