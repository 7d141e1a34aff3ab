using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class ProfileNamesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 5, 12, 7, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("Lumen AdHoc", "Lumen AdHoc 20261130-041207")]
    [InlineData("Lumen AdHoc 20260502-090000", "Lumen AdHoc 20261130-041207")]
    public void AReplacement_IsTheBaseNamePlusTheUtcTime(string current, string expected) =>
        ProfileNames.Replacement(current, Now).Should().Be(expected);

    [Fact]
    public void TheFileName_StaysTheSameAcrossReplacements()
    {
        ProfileNames.FileName("Lumen AdHoc").Should().Be("Lumen_AdHoc.mobileprovision");
        ProfileNames.FileName("Lumen AdHoc 20261130-041207").Should().Be("Lumen_AdHoc.mobileprovision");
    }

    [Fact]
    public void LaterStamps_SortLater_AndAnOriginalHasNone()
    {
        ProfileNames.StampOf("Lumen AdHoc").Should().BeEmpty();
        string.CompareOrdinal(ProfileNames.StampOf("Lumen AdHoc 20261130-041207"), ProfileNames.StampOf("Lumen AdHoc 20260502-090000"))
            .Should().BePositive();
    }

    [Fact]
    public void AMissingProfile_IsNamedForItsBundleAndType() =>
        ProfileNames.ForMissing("org.example.lumen", ProfileTypeRule.DeviceHolding["TVOS_APP_DEVELOPMENT"])
            .Should().Be("org.example.lumen tvOS Development");
}
