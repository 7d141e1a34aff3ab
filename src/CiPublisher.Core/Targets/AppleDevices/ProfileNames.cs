using System.Globalization;
using System.Text.RegularExpressions;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// Profile names. A replacement is created before the old profile is deleted, and whether Apple takes two profiles
/// of one name is unconfirmed (the portal refused it), so it gets the old name's base plus a time stamp. The saved
/// file is named after the base, so a signing step finds it under the same name on every run.
/// </summary>
public static partial class ProfileNames
{
    public static string BaseOf(string name) => Stamp().Replace(name, "");

    /// <summary>The time stamp a replacement carries ("" for an original): later stamps sort later.</summary>
    public static string StampOf(string name) => Stamp().Match(name) is { Success: true } stamp ? stamp.Value.Trim() : "";

    public static string Replacement(string name, DateTimeOffset now) =>
        $"{BaseOf(name)} {now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>The name of a profile created for a bundle ID that had none: the same on every run.</summary>
    public static string ForMissing(string bundleIdentifier, ProfileTypeRule rule) => $"{bundleIdentifier} {rule.Label}";

    public static string FileName(string name) =>
        string.Concat(BaseOf(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')) + ".mobileprovision";

    [GeneratedRegex(@" \d{8}-\d{6}$")]
    private static partial Regex Stamp();
}
