using System.Diagnostics;
using Xunit;

namespace CiPublisher.TestSupport;

/// <summary>A fact that builds a real git history with the git executable; skipped with the reason where there is none.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            git!.WaitForExit();
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public GitFactAttribute()
    {
        if (!Available.Value) Skip = "git is not installed here: the test makes a real history with it";
    }
}
