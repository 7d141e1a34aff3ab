using System.Globalization;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// The certificates a new profile of one type is made with: only unexpired, active ones of a type that fits.
/// A distribution profile gets one (the profile's own while it is valid, else the one valid longest); a development
/// profile gets every valid one, as fastlane does (contract §10).
/// </summary>
public static class ProfileCertificates
{
    public sealed record Choice(IReadOnlyList<string> Ids, string? Problem);

    public static Choice Choose(ProfileTypeRule rule, IReadOnlyList<Resource<CertificateAttributes>> team, IReadOnlyCollection<string> held,
        DateTimeOffset now)
    {
        var fitting = team.Where(c => c.Attributes?.CertificateType is { } type && rule.CertificateTypes.Contains(type)).ToList();
        var valid = fitting.Where(c => c.Attributes!.IsValidAt(now)).OrderByDescending(c => c.Attributes!.ExpirationDate).ToList();
        if (valid.Count == 0) return new Choice([], NoneValid(rule, fitting, now));
        if (!rule.OneCertificate) return new Choice([.. valid.Select(c => c.Id)], null);
        var own = valid.FirstOrDefault(c => held.Contains(c.Id));
        return new Choice([(own ?? valid[0]).Id], null);
    }

    private static string NoneValid(ProfileTypeRule rule, List<Resource<CertificateAttributes>> fitting, DateTimeOffset now)
    {
        var types = string.Join(" or ", rule.CertificateTypes.Order(StringComparer.Ordinal));
        if (fitting.Count == 0) return $"the team has no {types} certificate for {rule.ProfileType} profiles";
        var why = fitting.Select(c => c.Attributes!.ExpirationDate is { } expires && expires <= now
            ? $"'{c.Attributes.Name}' expired {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"'{c.Attributes.Name}' is not active");
        return $"no valid {types} certificate for {rule.ProfileType} profiles ({string.Join("; ", why)}); create one on the Apple Developer website";
    }
}
