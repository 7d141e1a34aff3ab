using CiPublisher.Cli;

namespace CiPublisher.Tests.Cli;

public class CommandLineParsingTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void NoVerb_MeansPublish()
    {
        var parsed = CommandLineParsing.Parse(["--channel", "beta"], NoEnvironment);

        parsed.ExitCode.Should().BeNull();
        parsed.Verb.Should().Be(Verbs.Publish);
        parsed.Options!.Channel.Should().Be("beta");
    }

    [Fact]
    public void CommandInput_ChoosesTheVerb_WhenTheCommandLineNamesNone()
    {
        var parsed = CommandLineParsing.Parse([], new Dictionary<string, string> { ["INPUT_COMMAND"] = "register-devices" });

        parsed.Verb.Should().Be(Verbs.RegisterDevices);
        parsed.Options.Should().BeOfType<RegisterDevicesOptions>();
    }

    [Fact]
    public void UnknownVerb_ExitsTwo_NamingTheVerbs()
    {
        var parsed = CommandLineParsing.Parse(["publsh"], NoEnvironment);

        parsed.ExitCode.Should().Be(ExitCodes.InvalidInput);
        parsed.Message.Should().Contain("publsh").And.Contain("register-devices");
    }

    [Fact]
    public void UnknownCommandInput_ExitsTwo_NamingTheInput()
    {
        var parsed = CommandLineParsing.Parse([], new Dictionary<string, string> { ["INPUT_COMMAND"] = "deploy" });

        parsed.ExitCode.Should().Be(ExitCodes.InvalidInput);
        parsed.Message.Should().StartWith("command:");
    }

    [Fact]
    public void UnknownFlag_ExitsTwo_WithUsage()
    {
        var parsed = CommandLineParsing.Parse(["publish", "--fenfa-ulr", "x"], NoEnvironment);

        parsed.ExitCode.Should().Be(ExitCodes.InvalidInput);
        parsed.Message.Should().Contain("fenfa-ulr").And.Contain("--fenfa-url");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public void Help_ExitsZero(string arg)
    {
        var parsed = CommandLineParsing.Parse(arg == "help" ? ["help"] : ["publish", arg], NoEnvironment);

        parsed.ExitCode.Should().Be(ExitCodes.Success);
        parsed.Message.Should().Contain("cipublisher");
    }

    [Fact]
    public void VersionVerb_AndBareVersionFlag_AskForTheToolsVersion()
    {
        CommandLineParsing.Parse(["version"], NoEnvironment).Verb.Should().Be(Verbs.Version);
        CommandLineParsing.Parse(["--version"], NoEnvironment).Verb.Should().Be(Verbs.Version);
    }

    [Fact]
    public void VersionFlagWithAValue_IsTheVersionInput()
    {
        CommandLineParsing.Parse(["--version", "2.4.1"], NoEnvironment).Options!.Version.Should().Be("2.4.1");
    }

    [Fact]
    public void BareBooleanFlag_MeansTrue_AndAnExplicitValueIsKept()
    {
        var bare = CommandLineParsing.Parse(["publish", "--dry-run", "--channel", "beta"], NoEnvironment);
        var explicitValue = CommandLineParsing.Parse(["publish", "--fenfa-publish", "false"], NoEnvironment);
        var last = CommandLineParsing.Parse(["publish", "--dry-run"], NoEnvironment);

        bare.Options!.DryRun.Should().Be("true");
        bare.Options.Channel.Should().Be("beta");
        explicitValue.Options!.FenfaPublish.Should().Be("false");
        last.Options!.DryRun.Should().Be("true");
    }

    [Fact]
    public void AltStoreVerb_CarriesItsModes()
    {
        var parsed = CommandLineParsing.Parse(["altstore", "--register", "--altstore-email", "dev@example.com"], NoEnvironment);

        parsed.AltStore!.Register.Should().BeTrue();
        parsed.Options!.AltstoreEmail.Should().Be("dev@example.com");
    }
}
