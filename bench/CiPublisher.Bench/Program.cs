using System.Globalization;
using CiPublisher.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
Directory.CreateDirectory(options.Work);
var shipped = $"cipublisher ({options.ProgramLabel})";
const string Jit = "cipublisher (JIT)";
var builds = new List<(string Name, string Path)> { (shipped, options.Program) };
if (options.Jit is not null) builds.Add((Jit, options.Jit));
builds.AddRange(options.Others.Select(o => ($"cipublisher ({o.Label})", o.Path)));
var contenders = new List<Contender> { Contender.Curl, Contender.OpensslThenCurl };
contenders.AddRange(builds.Select(b => Contender.CiPublisher(b.Name, b.Path)));

try
{
    Console.Error.WriteLine($"Generating {string.Join(", ", options.Sizes.Select(Sizes.Label))} in {options.Work}");
    var files = options.Sizes.ToDictionary(s => s, s => TestFile.Create(options.Work, s));

    Console.Error.WriteLine("Uploads (goals 1-3)");
    var uploads = await new ThroughputBench(options, contenders).RunAsync(files);
    Console.Error.WriteLine("GitHub release assets (peak memory)");
    var assets = await ReleaseAssetBench.RunAsync(options, options.Program, files);
    Console.Error.WriteLine("AltStore ADP download and unpacking (peak memory)");
    var adps = await AdpHostingBench.RunAsync(options, options.Program, files);
    foreach (var file in files.Values) File.Delete(file);

    Console.Error.WriteLine("Start-up and image size (goal 4)");
    var startupCommands = new List<StartupCommand> { new("curl --version", null, "curl", "--version") };
    startupCommands.AddRange(builds.Select(b => Startup($"{b.Name} version", b.Path, LimitOf(b.Name, b.Path))));
    var startup = await StartupBench.RunAsync(startupCommands, options.StartupRuns);
    var image = Options.IsNative(options.Program) ? ImageSize.Measure(options.Program) : null;

    Console.Error.WriteLine("API economy (goal 5): Fenfa");
    var fenfa = await ApiEconomyBench.RunAsync(options, options.Program);
    Console.Error.WriteLine("API economy (goal 5): App Store Connect");
    var apple = await AppleEconomyBench.RunAsync(options, options.Program);

    Console.WriteLine(Report.Render(options, uploads, assets, adps, startup, image, fenfa, apple, shipped));
}
finally
{
    Directory.Delete(options.Work, recursive: true);
}

// Goal 4 judges the shipped build by its kind (Native AOT or JIT) and the JIT build beside it; a baseline is a reference.
double? LimitOf(string name, string program) =>
    name == shipped ? (Options.IsNative(program) ? StartupBench.NativeAotLimitMs : StartupBench.JitLimitMs)
    : name == Jit ? StartupBench.JitLimitMs
    : null;

static StartupCommand Startup(string name, string program, double? limit) =>
    Options.IsNative(program) ? new(name, limit, program, "version") : new(name, limit, "dotnet", program, "version");
