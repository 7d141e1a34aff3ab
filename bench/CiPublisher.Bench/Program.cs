using System.Globalization;
using CiPublisher.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
Directory.CreateDirectory(options.Work);
const string Shipped = "cipublisher";
var contenders = new List<Contender> { Contender.Curl, Contender.OpensslThenCurl, Contender.CiPublisher(Shipped, options.Program) };
if (options.Baseline is { } baseline) contenders.Add(Contender.CiPublisher("cipublisher (baseline)", baseline));
if (options.Aot is { } aot) contenders.Add(Contender.CiPublisher("cipublisher (Native AOT)", aot));

try
{
    Console.Error.WriteLine($"Generating {string.Join(", ", options.Sizes.Select(Sizes.Label))} in {options.Work}");
    var files = options.Sizes.ToDictionary(s => s, s => TestFile.Create(options.Work, s));

    Console.Error.WriteLine("Uploads (goals 1-3)");
    var uploads = await new ThroughputBench(options, contenders).RunAsync(files);
    foreach (var file in files.Values) File.Delete(file);

    Console.Error.WriteLine("Start-up (goal 4)");
    var startupCommands = new List<StartupCommand>
    {
        new("curl --version", "curl", "--version"),
        new("cipublisher version (dotnet cipublisher.dll, JIT)", "dotnet", options.Program, "version"),
    };
    var apphost = Path.ChangeExtension(options.Program, null);
    if (File.Exists(apphost)) startupCommands.Add(new("cipublisher version (apphost, JIT)", apphost, "version"));
    if (options.Baseline is { } old) startupCommands.Add(new("cipublisher version (baseline, JIT)", "dotnet", old, "version"));
    if (options.Aot is { } native) startupCommands.Add(new("cipublisher version (Native AOT)", native, "version"));
    var startup = await StartupBench.RunAsync(startupCommands, options.StartupRuns);

    Console.Error.WriteLine("API economy (goal 5)");
    var api = await ApiEconomyBench.RunAsync(options, options.Program);

    Console.WriteLine(Report.Render(options, uploads, startup, api, Shipped));
}
finally
{
    Directory.Delete(options.Work, recursive: true);
}
