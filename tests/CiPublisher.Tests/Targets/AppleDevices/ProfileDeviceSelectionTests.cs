using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class ProfileDeviceSelectionTests
{
    private static readonly AccountDevice Phone = Device("p", "00008120-001C2D3E4F506172", "IPHONE");
    private static readonly AccountDevice Tv = Device("t", "00008020-0011223344556677", "APPLE_TV");
    private static readonly AccountDevice SiliconMac = Device("m", "00008103-0011223344556677", "MAC", "MAC_OS");
    private static readonly AccountDevice IntelMac = Device("i", "A1B2C3D4-E5F6-4789-ABCD-0123456789EF", "MAC", "MAC_OS");
    private static readonly AccountDevice DisabledPhone = Device("d", "00008130-0000000000000001", "IPHONE") with { Status = "DISABLED" };
    private static readonly AccountDevice[] Team = [Phone, Tv, SiliconMac, IntelMac, DisabledPhone];

    private static AccountDevice Device(string id, string udid, string deviceClass, string platform = "IOS") =>
        new(id, udid, id, platform, "ENABLED", deviceClass);

    private static ProfileTypeRule Rule(string type) => ProfileTypeRule.DeviceHolding[type];

    [Theory]
    [InlineData("IOS_APP_ADHOC", false, "p")]
    [InlineData("IOS_APP_ADHOC", true, "p,m")]
    [InlineData("IOS_APP_DEVELOPMENT", true, "p,m")]
    [InlineData("TVOS_APP_ADHOC", true, "t")]
    [InlineData("MAC_APP_DEVELOPMENT", false, "m,i")]
    [InlineData("MAC_CATALYST_APP_DEVELOPMENT", false, "m,i")]
    public void EachTypeTakes_ItsEnabledClassesOnly(string type, bool includeMacs, string expected)
    {
        var selection = ProfileDeviceSelection.For(Rule(type), Team, includeMacs);

        selection.Included.Select(d => d.Id).Should().Equal(expected.Split(','));
        selection.LeftOut.Select(l => l.Device.Id).Should().NotContain("d", "a disabled device is not left out, it is off");
    }

    [Fact]
    public void TheLeftOut_AreSummedUpWithTheirReasons()
    {
        var selection = ProfileDeviceSelection.For(Rule("IOS_APP_ADHOC"), Team, includeMacs: false);

        selection.LeftOutSummary().Should().Be("3 enabled device(s) left out: 1 APPLE_TV (not taken by IOS_APP_ADHOC profiles), " +
            "1 MAC (Apple-silicon Macs enter iOS profiles only with apple-profiles-include-macs), 1 MAC (Intel Macs cannot run iOS apps)");
    }

    [Fact]
    public void ADeviceWithoutAClass_IsJudgedByItsPlatform()
    {
        var unclassified = new AccountDevice("u", "00008120-0000000000000002", "u", "IOS", "ENABLED");

        ProfileDeviceSelection.For(Rule("IOS_APP_ADHOC"), [unclassified], false).Included.Should().ContainSingle();
        ProfileDeviceSelection.For(Rule("TVOS_APP_ADHOC"), [unclassified], false).Included.Should().BeEmpty();
    }
}
