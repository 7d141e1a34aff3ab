using CiPublisher.Ci;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Tests.Ci;

/// <summary>The exact logging-command lines Azure Pipelines' agent reads, escaped with %AZP25 (contract ci-platforms §2.3).</summary>
public sealed class AzurePipelinesPlatformTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("cipublisher-azp-").FullName;
    private readonly StringWriter _stdout = new();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string[] Lines => _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private AzurePipelinesPlatform Platform(Dictionary<string, string>? environment = null) =>
        new(environment ?? new Dictionary<string, string> { ["TF_BUILD"] = "True", ["AGENT_TEMPDIRECTORY"] = _temp }, _stdout, _temp);

    [Fact]
    public void Output_IsAnOutputVariable_WithHyphensTurnedToUnderscores()
    {
        Platform().SetOutput("release-id", "rel_e7a41c0d93b25f16");

        Lines.Should().Equal("##vso[task.setvariable variable=release_id;isoutput=true]rel_e7a41c0d93b25f16");
    }

    [Fact]
    public void MultiLineOutput_StaysOneCommandLine_WithPercentEscapedTheAzureWay()
    {
        Platform().SetOutput("result", "{\r\n  \"progress\": \"100%\"\n}");

        Lines.Should().Equal("##vso[task.setvariable variable=result;isoutput=true]{%0D%0A  \"progress\": \"100%AZP25\"%0A}");
    }

    [Fact]
    public void Mask_IsSetSecret_AndAnOutputHoldingAMaskedValue_BecomesASecretVariable()
    {
        var platform = Platform();
        platform.Mask("tok-5f1d;]%x");
        platform.SetOutput("download-url", "https://dl.example.com/?t=tok-5f1d;]%x");

        Lines.Should().Equal(
            "##vso[task.setsecret]tok-5f1d;]%AZP25x",
            "##vso[task.setvariable variable=download_url;isoutput=true;issecret=true]https://dl.example.com/?t=tok-5f1d;]%AZP25x");
    }

    [Fact]
    public void Summary_IsWrittenUnderTheAgentTempFolder_AndUploadedByAbsolutePath()
    {
        Platform().AppendSummary("## Published\n| a | b |\n");

        var line = Lines.Should().ContainSingle().Subject;
        line.Should().StartWith("##vso[task.uploadsummary]" + _temp + Path.DirectorySeparatorChar);
        var path = line["##vso[task.uploadsummary]".Length..];
        Path.IsPathRooted(path).Should().BeTrue();
        File.ReadAllText(path).Should().Be("## Published\n| a | b |\n");
    }

    [Fact]
    public void Summary_WithoutAnAgentTempFolder_GoesToTheWorkingDirectory()
    {
        Platform(new Dictionary<string, string> { ["TF_BUILD"] = "True" }).AppendSummary("x");

        Path.GetDirectoryName(Lines.Single()["##vso[task.uploadsummary]".Length..]).Should().Be(_temp);
    }

    [Fact]
    public void ErrorsAndWarnings_AreLoggedIssues_AndGroupsUseTheFormattingCommands()
    {
        var platform = Platform();

        platform.FormatLogLine(LogLevel.Error, "Fenfa answered 403\nforbidden").Should().Be("##vso[task.logissue type=error]Fenfa answered 403%0Aforbidden");
        platform.FormatLogLine(LogLevel.Warning, "50% done").Should().Be("##vso[task.logissue type=warning]50%AZP25 done");
        platform.FormatLogLine(LogLevel.Debug, "retrying").Should().Be("##[debug]retrying");
        platform.FormatLogLine(LogLevel.Information, "plain").Should().Be("plain");
        platform.BeginGroup("Fenfa\nupload");
        platform.EndGroup();
        Lines.Should().Equal("##[group]Fenfa upload", "##[endgroup]");
    }

    [Fact]
    public void PropertyEscaping_CoversTheCharactersThatEndAProperty()
    {
        AzureLoggingCommandEscaping.Property("a;b]c%d\r\ne").Should().Be("a%3Bb%5Dc%AZP25d%0D%0Ae");
    }

    [Fact]
    public void Context_ComesFromTheBuildAndSystemVariables()
    {
        var context = Platform(new Dictionary<string, string>
        {
            ["TF_BUILD"] = "True",
            ["BUILD_SOURCEBRANCH"] = "refs/heads/feature/tools",
            ["BUILD_SOURCEBRANCHNAME"] = "tools",
            ["BUILD_SOURCEVERSION"] = "0123456789abcdef0123456789abcdef01234567",
            ["BUILD_REPOSITORY_NAME"] = "octo-org/lumen",
            ["BUILD_REASON"] = "IndividualCI",
            ["BUILD_BUILDID"] = "812",
            ["SYSTEM_TEAMFOUNDATIONCOLLECTIONURI"] = "https://dev.azure.com/octo/",
            ["SYSTEM_TEAMPROJECT"] = "Mobile Apps",
        }).ReadContext();

        context.Platform.Should().Be("azure");
        context.RefName.Should().Be("feature/tools");
        context.IsTag.Should().BeFalse();
        context.Sha.Should().Be("0123456789abcdef0123456789abcdef01234567");
        context.Repository.Should().Be("octo-org/lumen");
        context.EventName.Should().Be("IndividualCI");
        context.RunUrl.Should().Be("https://dev.azure.com/octo/Mobile%20Apps/_build/results?buildId=812");
        context.PullRequestNumber.Should().BeNull();
    }

    [Theory]
    [InlineData("17", "9001", "refs/pull/17/merge", 17)]
    [InlineData(null, "42", "refs/pull/42/merge", 42)]
    [InlineData(null, null, "refs/pull/5/merge", 5)]
    public void PullRequestNumber_PrefersTheGitHubNumber_ThenAzureReposId_ThenTheRef(string? number, string? id, string sourceBranch, int expected)
    {
        var environment = new Dictionary<string, string> { ["TF_BUILD"] = "True", ["BUILD_SOURCEBRANCH"] = sourceBranch };
        if (number is not null) environment["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] = number;
        if (id is not null) environment["SYSTEM_PULLREQUEST_PULLREQUESTID"] = id;

        Platform(environment).ReadContext().PullRequestNumber.Should().Be(expected);
    }

    [Fact]
    public void TagBuild_IsATag_WithTheTagName()
    {
        var context = Platform(new Dictionary<string, string> { ["TF_BUILD"] = "True", ["BUILD_SOURCEBRANCH"] = "refs/tags/v2.4.1" }).ReadContext();

        context.IsTag.Should().BeTrue();
        context.RefName.Should().Be("v2.4.1");
    }
}
