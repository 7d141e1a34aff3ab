using Xunit;

namespace CiPublisher.TestSupport;

/// <summary>A fact that needs <see cref="SharedFixtures"/>; skipped with the reason when they are absent.</summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public const string SkipReason = "The shared fixtures folder (../shared/fixtures beside the folder holding CiPublisher.sln) is absent.";

    public SharedFixtureFactAttribute()
    {
        if (SharedFixtures.Directory is null)
        {
            Skip = SkipReason;
        }
    }
}
