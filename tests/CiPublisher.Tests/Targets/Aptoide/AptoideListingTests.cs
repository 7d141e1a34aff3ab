using CiPublisher.Core.Targets.Aptoide;

namespace CiPublisher.Tests.Targets.Aptoide;

public class AptoideListingTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("4", 4)]
    [InlineData("Pre-Teen", 2)]
    [InlineData(" mature ", 4)]
    public void Rating_AcceptsNumbersAndNames(string input, int expected)
    {
        AptoideListing.ParseRating(input, out var problem).Should().Be(expected);

        problem.Should().BeNull();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("adults")]
    public void Rating_OutsideAptoidesScale_IsRefusedQuotingTheValue(string input)
    {
        AptoideListing.ParseRating(input, out var problem).Should().BeNull();

        problem.Should().Contain("1 (All)").And.Contain(input);
    }

    [Fact]
    public void Category_IsPassedThroughAsANumber()
    {
        AptoideListing.ParseCategory("1019", out var problem).Should().Be(1019);

        problem.Should().BeNull();
    }

    [Theory]
    [InlineData("Tools")]
    [InlineData("0")]
    [InlineData("-3")]
    public void Category_ThatIsNotAPositiveNumber_IsRefusedQuotingTheValue(string input)
    {
        AptoideListing.ParseCategory(input, out var problem).Should().BeNull();

        problem.Should().Contain("category number").And.Contain(input);
    }
}
