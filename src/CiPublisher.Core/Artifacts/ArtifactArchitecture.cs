using System.Text.RegularExpressions;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// The CPU architecture one file is built for, so that several files of one version (ABI-split APKs, one DMG per
/// architecture) each keep their own place on a distribution server. Null means "any" (a universal build, or one
/// that does not say).
/// </summary>
public static class ArtifactArchitecture
{
    // Android's ABI names as they appear under lib/ (developer.android.com/ndk/guides/abis).
    private static readonly string[] AndroidAbis = ["arm64-v8a", "armeabi-v7a", "armeabi", "x86_64", "x86", "riscv64", "mips", "mips64"];

    // File-name words of desktop installers, longest first so that x86_64 is not read as x86, and the one name
    // each stands for. A word stands between non-alphanumeric characters (or the ends of the name).
    private static readonly (string Word, string Architecture)[] DesktopWords =
    [
        ("applesilicon", "arm64"), ("universal", "universal"), ("aarch64", "arm64"), ("x86_64", "x64"), ("x86-64", "x64"),
        ("arm64", "arm64"), ("amd64", "x64"), ("intel", "x64"), ("armv7", "armv7"), ("armhf", "armv7"),
        ("i386", "x86"), ("i686", "x86"), ("ia32", "x86"), ("x64", "x64"), ("x86", "x86"),
    ];

    private static readonly Regex DesktopWord = new(
        "(?<![a-z0-9])(" + string.Join('|', DesktopWords.Select(d => Regex.Escape(d.Word))) + ")(?![a-z0-9])",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The ABI of an APK that carries native code for exactly one ABI (an ABI split); null for an APK with no native
    /// code or with several ABIs (a universal APK).
    /// </summary>
    public static string? OfApk(IEnumerable<string> entryNames)
    {
        var abis = entryNames
            .Where(n => n.StartsWith("lib/", StringComparison.Ordinal) && n.EndsWith(".so", StringComparison.Ordinal))
            .Select(n => n.Split('/'))
            .Where(parts => parts.Length >= 3 && AndroidAbis.Contains(parts[1], StringComparer.Ordinal))
            .Select(parts => parts[1])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return abis.Count == 1 ? abis[0] : null;
    }

    /// <summary>
    /// The architecture a desktop file's name states as a word of its own (<c>Lumen-2.4.1-arm64.dmg</c>,
    /// <c>lumen_2.4.1_amd64.deb</c>); null when it names none, or names more than one.
    /// </summary>
    public static string? OfFileName(string fileName, string extension)
    {
        var stem = fileName[..^extension.Length].ToLowerInvariant();
        var named = DesktopWord.Matches(stem)
            .Select(m => DesktopWords.First(d => d.Word == m.Value).Architecture)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
