using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class DeviceCandidatesTests
{
    [Fact]
    public void From_DeduplicatesByNormalisedUdid_AndLetsALaterMentionAddAName()
    {
        var candidates = DeviceCandidates.From([
            new DeviceRequest("00008110-000a1b2c3d4e5f60", null, null, "apple-devices line 1"),
            new DeviceRequest("00008110000A1B2C3D4E5F60", "QA iPhone 15", DevicePlatform.Ios, "Fenfa"),
        ]);

        candidates.Valid.Should().ContainSingle().Which.Name.Should().Be("QA iPhone 15");
        candidates.Invalid.Should().BeEmpty();
    }

    [Fact]
    public void From_ReportsInvalidEntriesWithReasonAndOnlyAShortUdid()
    {
        var candidates = DeviceCandidates.From([
            new DeviceRequest("ZZZZ8110-000A1B2C3D4E5F60", "Broken", null, "apple-devices line 2"),
            new DeviceRequest("00008110-000A1B2C3D4E5F60", "Phone", null, "apple-devices line 3", "unknown platform 'android'"),
        ]);

        candidates.Valid.Should().BeEmpty();
        candidates.Invalid.Should().HaveCount(2);
        candidates.Invalid[0].ShortUdid.Should().Be("ZZZZ8110…");
        candidates.Invalid[0].Reason.Should().Contain("hexadecimal");
        candidates.Invalid[1].Reason.Should().Contain("android");
    }

    [Fact]
    public void From_NamesUnnamedDevicesAfterTheirUdidStart()
    {
        DeviceCandidates.From([new DeviceRequest("3d7f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b", null, null, "x")])
            .Valid.Single().Name.Should().Be("Device 3d7f1a2b");
    }
}
