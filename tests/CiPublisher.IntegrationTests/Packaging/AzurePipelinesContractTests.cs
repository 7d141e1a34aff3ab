using System.Text.Json;
using CiPublisher.Emulators.Samples;

namespace CiPublisher.IntegrationTests.Packaging;

/// <summary>The program in an Azure Pipelines job (TF_BUILD=True): what the agent reads from its stdout.</summary>
public sealed class AzurePipelinesContractTests : IDisposable
{
    private const string Token = "azp-tok-31f0c8d2e9a7-canary";
    private readonly CiJobRun _job;

    public AzurePipelinesContractTests()
    {
        _job = new CiJobRun(new Dictionary<string, string>
        {
            ["TF_BUILD"] = "True",
            ["BUILD_SOURCEBRANCH"] = "refs/tags/v2.4.1",
            ["BUILD_SOURCEVERSION"] = "0123456789abcdef0123456789abcdef01234567",
            ["BUILD_REPOSITORY_NAME"] = "octo-org/lumen",
            ["BUILD_BUILDID"] = "812",
        });
        _job.Environment["AGENT_TEMPDIRECTORY"] = _job.Temp;
        _job.AddFile("build/Lumen.ipa", SampleArtifacts.Ipa());
        _job.Input("artifacts", "build/*.ipa").Input("retry-base-delay", "0.05s");
    }

    public void Dispose() => _job.Dispose();

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task DryRunPublish_SetsOutputVariables_UploadsTheSummary_AndMasksTheTokenFirst()
    {
        _job.Input("fenfa-url", "https://fenfa.example.com").Input("fenfa-token", Token).Input("fenfa-product", "lumen").Input("dry-run", "true");

        var (exit, stdout, stderr) = await _job.RunAsync();

        exit.Should().Be(0, stderr + stdout);
        var lines = Lines(stdout);
        lines[0].Should().Be($"##vso[task.setsecret]{Token}");
        lines.Skip(1).Should().NotContain(l => l.Contains(Token), "only the setsecret command may carry the token");
        stderr.Should().NotContain(Token);

        var outputs = lines.Where(l => l.StartsWith("##vso[task.setvariable ", StringComparison.Ordinal))
            .Select(l => (Properties: l[("##vso[task.setvariable ".Length)..l.IndexOf(']')], Value: l[(l.IndexOf(']') + 1)..]))
            .ToDictionary(o => o.Properties, o => o.Value);
        outputs.Keys.Should().Contain(["variable=result;isoutput=true", "variable=releases;isoutput=true"]);
        outputs.Keys.Should().OnlyContain(k => k.EndsWith(";isoutput=true") && !k.Contains('-'));
        var result = JsonDocument.Parse(Unescape(outputs["variable=result;isoutput=true"])).RootElement;
        result.GetProperty("dryRun").GetBoolean().Should().BeTrue();

        var upload = lines.Should().ContainSingle(l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal)).Subject;
        var summaryPath = upload["##vso[task.uploadsummary]".Length..];
        Path.IsPathRooted(summaryPath).Should().BeTrue();
        Path.GetDirectoryName(summaryPath).Should().Be(_job.Temp);
        File.ReadAllText(summaryPath).Should().Contain("dry run").And.Contain("Lumen").And.NotContain(Token);
    }

    [Fact]
    public async Task InvalidInput_IsALoggedErrorIssue_AndExitCode2()
    {
        _job.Input("fenfa-url", "http://fenfa.example.com").Input("fenfa-token", Token);

        var (exit, stdout, stderr) = await _job.RunAsync();

        exit.Should().Be(2);
        Lines(stderr).Should().Contain(l => l.StartsWith("##vso[task.logissue type=error]", StringComparison.Ordinal) && l.Contains("fenfa"));
        (stdout + stderr).Replace($"##vso[task.setsecret]{Token}", "").Should().NotContain(Token);
    }

    /// <summary>What the agent does to a command's value before storing the variable.</summary>
    private static string Unescape(string value) =>
        value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%AZP25", "%", StringComparison.Ordinal);
}
