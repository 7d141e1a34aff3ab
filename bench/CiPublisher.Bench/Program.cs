using System.Globalization;
using CiPublisher.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
Directory.CreateDirectory(options.Work);
const string Shipped = "cipublisher";
var contenders = new List<Contender> { Contender.Curl, Contender.OpensslThenCurl, Contender.CiPublisher(Shipped, options.Program) };
contenders.AddRange(options.Others.Select(o => Contender.CiPublisher($"cipublisher ({o.Label})", o.Path)));

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
        Startup("cipublisher version", options.Program),
    };
    startupCommands.AddRange(options.Others.Select(o => Startup($"cipublisher ({o.Label}) version", o.Path)));
    var startup = await StartupBench.RunAsync(startupCommands, options.StartupRuns);

    Console.Error.WriteLine("API economy (goal 5)");
    var api = await ApiEconomyBench.RunAsync(options, options.Program);

    Console.WriteLine(Report.Render(options, uploads, startup, api, Shipped));
}
finally
{
    Directory.Delete(options.Work, recursive: true);
}

static StartupCommand Startup(string name, string program) =>
    program.EndsWith(".dll", StringComparison.Ordinal) ? new(name, "dotnet", program, "version") : new(name, program, "version");
