using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class UdidTests
{
    [Theory]
    [InlineData("00008110-000A1B2C3D4E5F60", null, DevicePlatform.Ios)]
    [InlineData("3d7f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b", null, DevicePlatform.Ios)]
    [InlineData("A1B2C3D4-E5F6-4789-ABCD-0123456789EF", null, DevicePlatform.MacOs)]
    [InlineData("00008103-001A2B3C4D5E6F70", DevicePlatform.MacOs, DevicePlatform.MacOs)]
    public void Check_DecidesThePlatformFromTheShapeUnlessGiven(string udid, DevicePlatform? given, DevicePlatform expected)
    {
        var (platform, problem) = Udid.Check(udid, given);

        problem.Should().BeNull();
        platform.Should().Be(expected);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("00008110-000A1B2C3D4E5G60", "hexadecimal")]
    [InlineData("1234567890", "unrecognised")]
    [InlineData("00008110-000A1B2C3D4E5F6", "unrecognised")]
    public void Check_ExplainsWhyAShapeIsRefused(string udid, string reason)
    {
        Udid.Check(udid, null).Problem.Should().Contain(reason);
    }

    [Fact]
    public void Check_RefusesAMacUuidDeclaredAsIos()
    {
        Udid.Check("A1B2C3D4-E5F6-4789-ABCD-0123456789EF", DevicePlatform.Ios).Problem.Should().Contain("Intel Mac");
    }

    [Fact]
    public void Key_IgnoresCaseAndHyphens()
    {
        Udid.Key("00008110-000a1b2c3d4e5f60").Should().Be(Udid.Key("00008110000A1B2C3D4E5F60"));
    }

    [Fact]
    public void Shorten_KeepsOnlyTheFirstEightCharacters()
    {
        Udid.Shorten("00008110-000A1B2C3D4E5F60").Should().Be("00008110…");
    }
}
