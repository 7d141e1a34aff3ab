using System.Collections;
using System.Runtime.InteropServices;

namespace CiPublisher;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        // SIGINT and SIGTERM stop the run; it still writes its report and exits 130.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
        var interactive = !Console.IsOutputRedirected && environment.GetValueOrDefault("CI") is not ("true" or "True");
        var app = new App(environment, Console.Out, Console.Error, interactive, Directory.GetCurrentDirectory());
        return await app.RunAsync(args, cancellation.Token);

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true; // keep the process alive until the report is written
            cancellation.Cancel();
        }
    }
}
