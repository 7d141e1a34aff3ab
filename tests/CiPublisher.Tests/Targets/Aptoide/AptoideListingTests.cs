using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.Aptoide;

namespace CiPublisher.Tests.Targets.Aptoide;

public class AptoideListingTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("4", 4)]
    [InlineData("Pre-Teen", 2)]
    [InlineData("mature", 4)]
    public void Rating_AcceptsNumbersAndNames(string input, int expected)
    {
        AptoideListing.TryParse(Settings() with { Rating = input }, out var listing, out _).Should().BeTrue();

        listing.Rating.Should().Be(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("adults")]
    public void Rating_OutsideAptoidesScale_IsRefusedNamingTheInput(string input)
    {
        AptoideListing.TryParse(Settings() with { Rating = input }, out _, out var error).Should().BeFalse();

        error.Should().Contain("aptoide-rating").And.Contain(input);
    }

    [Fact]
    public void Category_IsPassedThroughAsANumber()
    {
        AptoideListing.TryParse(Settings() with { Category = "1019" }, out var listing, out _).Should().BeTrue();

        listing.Category.Should().Be(1019);
    }

    [Fact]
    public void Category_ThatIsAName_IsRefusedNamingTheInput()
    {
        AptoideListing.TryParse(Settings() with { Category = "Tools" }, out _, out var error).Should().BeFalse();

        error.Should().Contain("aptoide-category");
    }

    [Fact]
    public void NothingGiven_SendsNoListingFields()
    {
        AptoideListing.TryParse(Settings(), out var listing, out _).Should().BeTrue();

        listing.Should().Be(new AptoideListing(null, null, null));
    }

    private static AptoideSettings Settings() => new() { Repo = "examplelabs" };
}
