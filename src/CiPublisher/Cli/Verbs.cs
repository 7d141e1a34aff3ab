using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AppleDevices;
using CommandLine;

namespace CiPublisher.Cli;

/// <summary>The verbs users type, as the first argument or through the <c>command</c> input.</summary>
public static class Verbs
{
    public const string Publish = "publish";
    public const string RegisterDevices = "register-devices";
    public const string AltStore = "altstore";
    public const string Inspect = "inspect";
    public const string Version = "version";

    public static IReadOnlyList<string> All { get; } = [Publish, RegisterDevices, AltStore, Inspect, Version];

    /// <summary>Whether a verb runs the target: <c>publish</c> runs every enabled one, the others only their own.</summary>
    public static bool Runs(string verb, IPublishTarget target) => verb switch
    {
        Publish => true,
        RegisterDevices => target is AppleDevicesTarget,
        AltStore => target is AltStoreTarget,
        _ => false,
    };

    /// <summary>The settings of the module a verb is for, bound even when none of its inputs is given.</summary>
    public static Type? ModuleOf(string verb) => verb == AltStore ? typeof(AltStoreSettings) : null;

    public static Type[] OptionTypes { get; } =
        [typeof(PublishOptions), typeof(RegisterDevicesOptions), typeof(AltStoreOptions), typeof(InspectOptions), typeof(VersionOptions)];
}

[Verb(Verbs.Publish, isDefault: true, HelpText = "Publish the artifacts everywhere the given inputs enable (the default).")]
public sealed class PublishOptions : InputOptions;

[Verb(Verbs.RegisterDevices, HelpText = "Only register Apple test devices (and refresh ad-hoc profiles).")]
public sealed class RegisterDevicesOptions : InputOptions;

[Verb(Verbs.AltStore, HelpText = "Only AltStore PAL: process and wait for the ADP, update the source file, federate; --register onboards a developer.")]
public sealed class AltStoreOptions : InputOptions
{
    [Option("process-adp", HelpText = "Only process the ADP (and wait, unless altstore-wait is false).")]
    public bool ProcessAdp { get; set; }

    [Option("federate", HelpText = "Only federate altstore-source-url.")]
    public bool Federate { get; set; }

    [Option("register", HelpText = "Onboard a developer (altstore-developer-id, altstore-email) and obtain the security token.")]
    public bool Register { get; set; }

    /// <summary>The switches given, by the names the AltStore module reads.</summary>
    public IReadOnlySet<string> Switches()
    {
        var given = new HashSet<string>();
        if (ProcessAdp) given.Add(AltStoreModule.ProcessAdpSwitch);
        if (Federate) given.Add(AltStoreModule.FederateSwitch);
        if (Register) given.Add(AltStoreModule.RegisterSwitch);
        return given;
    }
}

[Verb(Verbs.Inspect, HelpText = "Print each artifact's metadata as JSON (no network).")]
public sealed class InspectOptions : InputOptions;

[Verb(Verbs.Version, HelpText = "Print the tool's version.")]
public sealed class VersionOptions;
