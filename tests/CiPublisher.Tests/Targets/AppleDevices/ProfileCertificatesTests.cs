using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class ProfileCertificatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);

    private static Resource<CertificateAttributes> Certificate(string id, string type, int daysLeft, bool activated = true) =>
        new("certificates", id, new CertificateAttributes(id, type, id, "IOS", Now.AddDays(daysLeft), activated, id));

    private static readonly Resource<CertificateAttributes>[] Team =
    [
        Certificate("dist-old", "IOS_DISTRIBUTION", 30),
        Certificate("dist-new", "DISTRIBUTION", 300),
        Certificate("dist-expired", "IOS_DISTRIBUTION", -1),
        Certificate("dist-off", "DISTRIBUTION", 400, activated: false),
        Certificate("dev-a", "IOS_DEVELOPMENT", 100),
        Certificate("dev-b", "DEVELOPMENT", 200),
        Certificate("mac-dev", "MAC_APP_DEVELOPMENT", 200),
    ];

    private static ProfileCertificates.Choice Choose(string type, params string[] held) =>
        ProfileCertificates.Choose(ProfileTypeRule.DeviceHolding[type], Team, held, Now);

    [Fact]
    public void ADistributionProfile_KeepsItsOwnValidCertificate() =>
        Choose("IOS_APP_ADHOC", "dist-old").Ids.Should().Equal("dist-old");

    [Fact]
    public void ADistributionProfile_WhoseCertificateExpired_GetsTheOneValidLongest() =>
        Choose("IOS_APP_ADHOC", "dist-expired").Ids.Should().ContainSingle().Which.Should().Be("dist-new", "dist-off is longer but deactivated");

    [Fact]
    public void ADevelopmentProfile_GetsEveryValidDevelopmentCertificate()
    {
        Choose("IOS_APP_DEVELOPMENT").Ids.Should().Equal("dev-b", "dev-a");
        Choose("MAC_APP_DEVELOPMENT").Ids.Should().BeEquivalentTo("mac-dev", "dev-b");
    }

    [Fact]
    public void NoneValid_SaysWhyForEachCandidate()
    {
        var choice = ProfileCertificates.Choose(ProfileTypeRule.DeviceHolding["TVOS_APP_ADHOC"],
            [Certificate("Dist 2025", "IOS_DISTRIBUTION", -10), Certificate("Dist off", "DISTRIBUTION", 10, activated: false)], [], Now);

        choice.Ids.Should().BeEmpty();
        choice.Problem.Should().Be("no valid DISTRIBUTION or IOS_DISTRIBUTION certificate for TVOS_APP_ADHOC profiles " +
                                   "('Dist 2025' expired 2026-04-22; 'Dist off' is not active); create one on the Apple Developer website");
    }

    [Fact]
    public void NoCertificateOfTheType_SaysSo() =>
        ProfileCertificates.Choose(ProfileTypeRule.DeviceHolding["IOS_APP_ADHOC"], [Certificate("dev", "IOS_DEVELOPMENT", 10)], [], Now)
            .Problem.Should().Be("the team has no DISTRIBUTION or IOS_DISTRIBUTION certificate for IOS_APP_ADHOC profiles");
}
