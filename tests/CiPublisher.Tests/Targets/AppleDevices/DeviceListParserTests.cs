using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class DeviceListParserTests
{
    [Fact]
    public void ParseLines_ReadsTabOrCommaSeparatedFieldsAndSkipsBlanksAndComments()
    {
        var requests = DeviceListParser.ParseLines([
            "00008110-000A1B2C3D4E5F60\tQA iPhone 15\tios",
            "# a comment\n\nA1B2C3D4-E5F6-4789-ABCD-0123456789EF, Build Mac, mac",
            "3d7f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b",
        ]);

        requests.Should().HaveCount(3);
        requests[0].Should().Be(new DeviceRequest("00008110-000A1B2C3D4E5F60", "QA iPhone 15", DevicePlatform.Ios, "apple-devices line 1"));
        requests[1].Name.Should().Be("Build Mac");
        requests[1].Platform.Should().Be(DevicePlatform.MacOs);
        requests[2].Name.Should().BeNull();
        requests[2].Platform.Should().BeNull();
    }

    [Fact]
    public void ParseLines_KeepsAnUnknownPlatformAsAProblem()
    {
        var request = DeviceListParser.ParseLines(["00008110-000A1B2C3D4E5F60,Phone,android"]).Single();

        request.PlatformProblem.Should().Contain("android");
    }

    [Fact]
    public void ParseAppleFile_SkipsTheHeaderAndSplitsOnTabsOnly()
    {
        const string file = "Device ID\tDevice Name\tDevice Platform\n"
                            + "00008110-000A1B2C3D4E5F60\tKim's iPhone, work\tios\n"
                            + "A1B2C3D4-E5F6-4789-ABCD-0123456789EF\tBuild Mac\tmac\n";

        var requests = DeviceListParser.ParseAppleFile(new StringReader(file), "devices.txt");

        requests.Select(r => r.Name).Should().Equal("Kim's iPhone, work", "Build Mac");
        requests[1].Source.Should().Be("devices.txt line 3");
    }
}
