namespace CiPublisher.Bench;

/// <summary>A file of incompressible bytes (a seeded PRNG: cheap to make, nothing for a link to compress).</summary>
internal static class TestFile
{
    public static string Create(string directory, long size)
    {
        var path = Path.Combine(directory, $"app-{size >> 20}m.dmg");
        var random = new Random(20261123);
        var buffer = new byte[1024 * 1024];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        for (long left = size; left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }
        return path;
    }
}
