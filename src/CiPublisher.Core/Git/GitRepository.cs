using System.IO.Compression;
using System.Text;

namespace CiPublisher.Core.Git;

/// <summary>
/// Reads a checkout's history without a git executable (the action's image has none): refs (loose and packed),
/// loose objects and pack files. Read-only, and only what release notes need.
/// </summary>
public sealed class GitRepository
{
    private readonly string _gitDirectory;
    private readonly string _commonDirectory;
    private readonly Lazy<IReadOnlyList<GitPack>> _packs;

    private GitRepository(string gitDirectory)
    {
        _gitDirectory = gitDirectory;
        // A worktree keeps HEAD of its own and shares objects and refs through "commondir".
        var common = Path.Combine(gitDirectory, "commondir");
        _commonDirectory = File.Exists(common) ? Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(common).Trim())) : gitDirectory;
        _packs = new Lazy<IReadOnlyList<GitPack>>(OpenPacks);
    }

    /// <summary>The repository holding <paramref name="directory"/>, or null when it is not in a checkout.</summary>
    public static GitRepository? Find(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return new GitRepository(dotGit);
            // Submodules and worktrees: a .git file naming the real directory.
            if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                return new GitRepository(Path.GetFullPath(Path.Combine(dir.FullName, pointer["gitdir:".Length..].Trim())));
        }
        return null;
    }

    /// <summary>Whether the checkout is shallow (actions/checkout's default fetch-depth: 1): history ends early.</summary>
    public bool IsShallow => File.Exists(Path.Combine(_commonDirectory, "shallow"));

    public IReadOnlySet<string> ShallowCommits => IsShallow
        ? File.ReadAllLines(Path.Combine(_commonDirectory, "shallow")).Select(l => l.Trim()).Where(l => l.Length == 40).ToHashSet()
        : new HashSet<string>();

    /// <summary>The commit HEAD names (a branch, or a detached commit as CI checkouts of a tag are).</summary>
    public string? Head()
    {
        var head = File.ReadAllText(Path.Combine(_gitDirectory, "HEAD")).Trim();
        return head.StartsWith("ref: ", StringComparison.Ordinal) ? ResolveRef(head[5..]) : head;
    }

    /// <summary>Every tag, by name, with the commit it points at (annotated tags peeled).</summary>
    public IReadOnlyDictionary<string, string> Tags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, sha) in PackedRefs().Where(r => r.Name.StartsWith("refs/tags/", StringComparison.Ordinal)))
            tags[name["refs/tags/".Length..]] = sha;
        var loose = Path.Combine(_commonDirectory, "refs", "tags");
        if (Directory.Exists(loose))
        {
            foreach (var file in Directory.EnumerateFiles(loose, "*", SearchOption.AllDirectories))
                tags[Path.GetRelativePath(loose, file).Replace('\\', '/')] = File.ReadAllText(file).Trim();
        }
        foreach (var name in tags.Keys.ToList())
        {
            if (Peel(tags[name]) is { } commit) tags[name] = commit;
            else tags.Remove(name);
        }
        return tags;
    }

    public GitObject? Read(string sha)
    {
        var loose = Path.Combine(_commonDirectory, "objects", sha[..2], sha[2..]);
        if (File.Exists(loose)) return ReadLoose(loose);
        foreach (var pack in _packs.Value)
        {
            if (pack.Read(sha) is { } found) return found;
        }
        return null;
    }

    private string? ResolveRef(string name)
    {
        var loose = Path.Combine(_commonDirectory, name);
        var own = Path.Combine(_gitDirectory, name);
        foreach (var file in new[] { own, loose })
        {
            if (!File.Exists(file)) continue;
            var value = File.ReadAllText(file).Trim();
            return value.StartsWith("ref: ", StringComparison.Ordinal) ? ResolveRef(value[5..]) : value;
        }
        return PackedRefs().FirstOrDefault(r => r.Name == name).Sha;
    }

    /// <summary>The commit an object leads to: itself, or the target of an annotated tag (tags of tags followed).</summary>
    private string? Peel(string sha)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            var target = Read(sha);
            if (target is null) return null;
            if (target.Kind == "commit") return sha;
            if (target.Kind != "tag") return null;
            var objectLine = Encoding.UTF8.GetString(target.Content).Split('\n').FirstOrDefault(l => l.StartsWith("object ", StringComparison.Ordinal));
            if (objectLine is null) return null;
            sha = objectLine[7..].Trim();
        }
        return null;
    }

    private List<(string Name, string Sha)> PackedRefs()
    {
        var file = Path.Combine(_commonDirectory, "packed-refs");
        if (!File.Exists(file)) return [];
        return [.. File.ReadAllLines(file)
            .Where(l => l.Length > 41 && l[0] != '#' && l[0] != '^')
            .Select(l => (l[41..].Trim(), l[..40]))];
    }

    private static GitObject ReadLoose(string path)
    {
        using var file = File.OpenRead(path);
        using var zlib = new ZLibStream(file, CompressionMode.Decompress);
        using var all = new MemoryStream();
        zlib.CopyTo(all);
        var bytes = all.ToArray();
        var nul = Array.IndexOf(bytes, (byte)0);
        var header = Encoding.ASCII.GetString(bytes, 0, nul);
        return new GitObject(header[..header.IndexOf(' ', StringComparison.Ordinal)], bytes[(nul + 1)..]);
    }

    private List<GitPack> OpenPacks()
    {
        var directory = Path.Combine(_commonDirectory, "objects", "pack");
        if (!Directory.Exists(directory)) return [];
        return [.. Directory.EnumerateFiles(directory, "*.idx").Select(idx => GitPack.Open(idx, Read)).OfType<GitPack>()];
    }
}
