using CiPublisher.Emulators.Samples;
using CiPublisher.Emulators.Sandbox;

namespace CiPublisher.Emulators;

/// <summary>
/// <c>dotnet run --project tests/CiPublisher.Emulators</c> runs the README's sandbox demo;
/// <c>… -- samples DIR</c> writes the sample IPA and APK to DIR (the CI workflow's dry run uses them).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["samples", var folder])
        {
            foreach (var file in SampleWriter.Write(folder)) Console.WriteLine(file);
            return 0;
        }
        return await SandboxDemo.RunAsync(Console.Out, Console.Error);
    }
}
