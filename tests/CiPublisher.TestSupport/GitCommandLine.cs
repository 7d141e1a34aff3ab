using System.Diagnostics;

namespace CiPublisher.TestSupport;

/// <summary>Runs the git executable to build real histories in tests, as a fixed committer and with no user or system config.</summary>
public static class GitCommandLine
{
    public static string Run(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["GIT_AUTHOR_NAME"] = "Kim", ["GIT_AUTHOR_EMAIL"] = "kim@example.test",
                     ["GIT_COMMITTER_NAME"] = "Kim", ["GIT_COMMITTER_EMAIL"] = "kim@example.test",
                     ["GIT_CONFIG_NOSYSTEM"] = "1", ["HOME"] = directory,
                 })
            start.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        return output.Result.Trim();
    }
}
