using CiPublisher.Core.Apple;

namespace CiPublisher.Tests.Targets.AppleDevices;

public class RateLimitHeaderTests
{
    [Theory]
    [InlineData("user-hour-lim:3500;user-hour-rem:500;", 3500, 500)]
    [InlineData("user-hour-rem:12;user-hour-lim:3600", 3600, 12)]
    [InlineData(" user-hour-lim : 100 ; other:7;user-hour-rem:0;", 100, 0)]
    public void Parse_ReadsTheHourlyLimitAndRemaining_InAnyOrder_IgnoringUnknownKeys(string header, int limit, int remaining)
    {
        RateLimitHeader.Parse(header).Should().Be(new RateLimitHeader(limit, remaining));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage;user-hour-rem:lots;")]
    public void Parse_ToleratesMissingOrMalformedValues(string? header)
    {
        RateLimitHeader.Parse(header).Should().Be(new RateLimitHeader(null, null));
    }
}
