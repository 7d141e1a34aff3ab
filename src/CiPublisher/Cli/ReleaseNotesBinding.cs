using CiPublisher.Core.Git;
using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Cli;

/// <summary>
/// The release notes every target takes: <c>release-notes-file</c>, else <c>release-notes</c>, else, with
/// <c>release-notes-from</c>, the checkout's commit subjects since the previous tag (read here: no network) or the
/// pull request's title and body (read before the targets run).
/// </summary>
internal static class ReleaseNotesBinding
{
    public const string FromGit = "git";
    public const string FromPullRequest = "pr";

    // A release-notes file larger than this is surely the wrong file; every target limits notes far below it.
    private const long MaxReleaseNotesBytes = 1024 * 1024;

    public sealed record Bound(string? Notes, bool FromPullRequest, IReadOnlyList<string> Notices);

    public static Bound Bind(InputReader reader, string workingDirectory)
    {
        var notes = Given(reader);
        var from = reader.Text(GeneralInputs.ReleaseNotesFrom)?.ToLowerInvariant();
        if (from is not (null or FromGit or FromPullRequest))
        {
            reader.Fail(GeneralInputs.ReleaseNotesFrom, $"'{from}' is not a source of notes; use git (commit subjects since the previous tag) or pr");
            return new Bound(notes, false, []);
        }
        if (notes is not null || from is null) return new Bound(notes, false, []);
        return from == FromPullRequest ? new Bound(null, true, []) : FromCheckout(reader, workingDirectory);
    }

    private static Bound FromCheckout(InputReader reader, string workingDirectory)
    {
        if (GitRepository.Find(workingDirectory) is not { } repository)
        {
            reader.Fail(GeneralInputs.ReleaseNotesFrom, $"is git, but {workingDirectory} is not in a git checkout (check out the repository first)");
            return new Bound(null, false, []);
        }
        try
        {
            var history = GitReleaseNotes.Read(repository);
            var notices = new List<string>();
            if (history.HistoryCut)
                notices.Add("release-notes-from: git: the checkout is shallow and no earlier tag is in it, so the notes hold only the commits " +
                            "fetched; give actions/checkout `fetch-depth: 0` (GitLab: GIT_DEPTH: 0) for the whole history");
            return new Bound(history.Subjects.Count > 0 ? history.Render() : null, false, notices);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            reader.Fail(GeneralInputs.ReleaseNotesFrom, $"is git, but the checkout's history could not be read: {e.Message}");
            return new Bound(null, false, []);
        }
    }

    private static string? Given(InputReader reader)
    {
        if (reader.ExistingFile(GeneralInputs.ReleaseNotesFile) is not { } file) return reader.Text(GeneralInputs.ReleaseNotes);
        if (new FileInfo(file).Length > MaxReleaseNotesBytes)
        {
            reader.Fail(GeneralInputs.ReleaseNotesFile, $"is larger than {MaxReleaseNotesBytes / 1024} KiB; give a release-notes text file");
            return null;
        }
        return File.ReadAllText(file).Trim();
    }
}
