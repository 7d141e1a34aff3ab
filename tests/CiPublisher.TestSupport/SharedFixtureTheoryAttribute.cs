using Xunit;

namespace CiPublisher.TestSupport;

/// <summary>A theory that needs <see cref="SharedFixtures"/>; skipped with the reason when they are absent.</summary>
public sealed class SharedFixtureTheoryAttribute : TheoryAttribute
{
    public SharedFixtureTheoryAttribute()
    {
        if (SharedFixtures.Directory is null)
        {
            Skip = SharedFixtureFactAttribute.SkipReason;
        }
    }
}
