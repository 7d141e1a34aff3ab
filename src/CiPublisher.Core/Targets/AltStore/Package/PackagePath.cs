namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>The file paths an ADP may hold: relative, forward slashes, no way out of the package's folder.</summary>
public static class PackagePath
{
    public static bool IsPlainRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    /// <summary>The key <c>assetURLs</c> gives a file: its name without extension (AltStore PAL 2.2).</summary>
    public static string AssetKey(string path) => Path.GetFileNameWithoutExtension(path.Split('/')[^1]);

    /// <summary>The file's name, the only part of its path a flat host such as a GitHub release keeps.</summary>
    public static string FileName(string path) => path.Split('/')[^1];
}
