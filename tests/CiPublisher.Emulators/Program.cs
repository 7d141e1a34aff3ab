using CiPublisher.Emulators.Sandbox;

namespace CiPublisher.Emulators;

/// <summary>Runs the local sandbox behind the README demo: <c>dotnet run --project tests/CiPublisher.Emulators</c>.</summary>
public static class Program
{
    public static Task<int> Main() => SandboxDemo.RunAsync(Console.Out, Console.Error);
}
