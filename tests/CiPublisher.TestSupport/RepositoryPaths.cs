namespace CiPublisher.TestSupport;

/// <summary>Finds the repository root (the folder with CiPublisher.sln) and the shared folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>A file under ../shared, or null when the shared folder is not beside this clone.</summary>
    public static string? Shared(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relativePath));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiPublisher.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CiPublisher.sln not found above the test binaries");
    }
}
