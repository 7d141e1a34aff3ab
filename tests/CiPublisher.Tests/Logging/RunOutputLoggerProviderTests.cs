using CiPublisher.Ci;
using CiPublisher.Core.Security;
using CiPublisher.Logging;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Tests.Logging;

public sealed class RunOutputLoggerProviderTests
{
    private readonly StringWriter _stdout = new();
    private readonly SecretRegistry _secrets = new();
    private readonly GitHubActionsPlatform _platform;

    public RunOutputLoggerProviderTests()
    {
        _platform = new GitHubActionsPlatform(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, _stdout);
        _secrets.OnRegistered(_platform.Mask);
    }

    private ILogger Logger()
    {
        using var factory = LoggerFactory.Create(logging =>
            logging.AddProvider(new RunOutputLoggerProvider(new CiConsoleFormatter(_platform, _secrets), _stdout)));
        return factory.CreateLogger("CiPublisher");
    }

    private string[] Lines => _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void LogLines_LandOnTheRunsOutput_InOrderWithThePlatformsCommands()
    {
        var logger = Logger();

        _platform.BeginGroup("Fenfa");
        logger.LogInformation("Uploading {File}", "Lumen.ipa");
        logger.LogWarning("Fenfa answered {Status}; retrying", 503);
        _platform.EndGroup();
        logger.LogInformation("Done");

        Lines.Should().Equal("::group::Fenfa", "Uploading Lumen.ipa", "::warning title=CiPublisher::Fenfa answered 503; retrying", "::endgroup::", "Done");
    }

    [Fact]
    public void ASecretInALogLine_IsRedacted_AfterItsMaskWentOut()
    {
        _secrets.Register("fenfa-admin-Zq81Lp");
        var logger = Logger();

        logger.LogError("Fenfa refused the token fenfa-admin-Zq81Lp");

        Lines[^1].Should().Be("::error title=CiPublisher::Fenfa refused the token ***");
        Lines[..^1].Should().NotBeEmpty().And.AllSatisfy(line => line.Should().StartWith("::add-mask::"), "the masks went out first");
    }
}
