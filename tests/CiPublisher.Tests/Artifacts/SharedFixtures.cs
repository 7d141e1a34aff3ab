namespace CiPublisher.Tests.Artifacts;

/// <summary>
/// The optional real-world fixtures in <c>../shared/fixtures</c> beside the repository
/// (next to the folder holding CiPublisher.sln). Tests using them skip when it is absent.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Directory => Root.Value;

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Directory ?? throw new InvalidOperationException("shared fixtures are absent"), .. parts]);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CiPublisher.sln")))
            {
                var fixtures = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
                return System.IO.Directory.Exists(fixtures) ? fixtures : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <see cref="SharedFixtures"/>; skipped with the reason when they are absent.</summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    internal const string SkipReason = "The shared fixtures folder (../shared/fixtures beside the folder holding CiPublisher.sln) is absent.";

    public SharedFixtureFactAttribute()
    {
        if (SharedFixtures.Directory is null)
        {
            Skip = SkipReason;
        }
    }
}

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
