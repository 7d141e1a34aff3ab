namespace CiPublisher.Emulators;

/// <summary>Starts the local sandbox behind the README demo (see Sandbox/).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("The sandbox is not wired yet.");
        return args.Length >= 0 ? 1 : 1;
    }
}
