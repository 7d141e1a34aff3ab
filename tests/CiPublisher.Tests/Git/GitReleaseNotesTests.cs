using CiPublisher.Core.Git;

namespace CiPublisher.Tests.Git;

/// <summary>Release notes read from real histories, made with the git executable: loose objects, packs, shallow clones.</summary>
public sealed class GitReleaseNotesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cipublisher-git-").FullName;
    private int _clock;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Git(string directory, params string[] args)
    {
        // Commits one minute apart, so "newest first" is decided by time, as in real histories.
        var when = $"{1764460800 + 60 * _clock++} +0000";
        return GitCommandLine.Run(directory, new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = when, ["GIT_COMMITTER_DATE"] = when }, args);
    }

    private string Commit(string repo, string subject, string body = "")
    {
        // A file per commit: branches never conflict when merged.
        var file = $"change-{_clock}.txt";
        File.WriteAllText(Path.Combine(repo, file), subject + "\n");
        Git(repo, "add", file);
        Git(repo, body.Length == 0 ? ["commit", "-q", "-m", subject] : ["commit", "-q", "-m", subject, "-m", body]);
        return Git(repo, "rev-parse", "HEAD");
    }

    private string NewRepository()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        Git(repo, "init", "-q", "-b", "main");
        Commit(repo, "Initial import");
        Commit(repo, "Add the login screen");
        Git(repo, "tag", "-a", "v1.0.0", "-m", "First release");
        Commit(repo, "Fix the crash on start", "Long explanation that stays out of the notes.");
        Git(repo, "checkout", "-q", "-b", "feature");
        Commit(repo, "Add dark mode");
        Git(repo, "checkout", "-q", "main");
        Commit(repo, "Speed up sync");
        Git(repo, "merge", "-q", "--no-ff", "feature", "-m", "Merge branch 'feature'");
        Commit(repo, "Update the translations");
        Git(repo, "tag", "v1.1.0");
        return repo;
    }

    private static GitReleaseNotes Notes(string directory) => GitReleaseNotes.Read(GitRepository.Find(directory)!);

    [GitFact]
    public void FromLooseObjects_TheSubjectsSinceThePreviousTag_NewestFirst_WithoutMerges()
    {
        var repo = NewRepository();

        var notes = Notes(Path.Combine(repo));

        notes.PreviousTag.Should().Be("v1.0.0", "v1.1.0 is on HEAD: the release being made");
        notes.Subjects.Should().Equal("Update the translations", "Speed up sync", "Add dark mode", "Fix the crash on start");
        notes.HistoryCut.Should().BeFalse();
        notes.Render().Should().Be("- Update the translations\n- Speed up sync\n- Add dark mode\n- Fix the crash on start");
    }

    [GitFact]
    public void FromPacks_AfterGc_AndFromADetachedCheckoutOfTheTag_TheSame()
    {
        var repo = NewRepository();
        Git(repo, "gc", "-q", "--aggressive");
        Git(repo, "checkout", "-q", "v1.1.0");
        Directory.EnumerateFiles(Path.Combine(repo, ".git", "objects", "pack"), "*.pack").Should().NotBeEmpty();
        File.Exists(Path.Combine(repo, ".git", "packed-refs")).Should().BeTrue("gc packs the tags too");

        var notes = Notes(Directory.CreateDirectory(Path.Combine(repo, "build")).FullName);

        notes.PreviousTag.Should().Be("v1.0.0");
        notes.Subjects.Should().Equal("Update the translations", "Speed up sync", "Add dark mode", "Fix the crash on start");
    }

    [GitFact]
    public void AShallowClone_SaysItsHistoryIsCut()
    {
        var origin = NewRepository();
        var clone = Path.Combine(_root, "clone");
        Git(_root, "clone", "-q", "--depth", "1", "--branch", "v1.1.0", new Uri(origin).AbsoluteUri, clone);

        var notes = Notes(clone);

        notes.PreviousTag.Should().BeNull();
        notes.HistoryCut.Should().BeTrue();
        notes.Subjects.Should().Equal("Update the translations");
    }

    [Fact]
    public void OutsideACheckout_ThereIsNoRepository() =>
        GitRepository.Find(Path.GetTempPath()).Should().BeNull();
}
