using System.Diagnostics;

namespace CiPublisher.IntegrationTests.Harness;

/// <summary>
/// The program the end-to-end tests start. By default the build beside the tests, through <c>dotnet</c>; with
/// <c>ACCEPTANCE_PROGRAM</c> set to an executable (the Native AOT publish the image ships), that executable, so the
/// same tests judge the shipped binary.
/// </summary>
public static class ProgramUnderTest
{
    public const string Variable = "ACCEPTANCE_PROGRAM";

    /// <summary>The program's build output, copied beside the tests by the project reference.</summary>
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "cipublisher.dll");

    public static string? Executable { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : null;

    /// <summary>A start for the program with <paramref name="args"/>; the caller sets the environment.</summary>
    public static ProcessStartInfo Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Executable is null) start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }
}
