using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.GitHub;

public class DistributionSummaryTests
{
    private static RunReport ReportWith(params TargetResult[] targets) => new()
    {
        Command = "publish", Artifacts = [], Targets = targets, StartedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Render_ListsEachArtifactAndTarget_WithLinksInAFixedOrder()
    {
        var fenfa = new TargetResult
        {
            Target = "Fenfa", Outcome = Outcome.Succeeded,
            Items =
            [
                new ItemResult
                {
                    Name = "App.apk", Outcome = Outcome.AlreadyDone,
                    Links = new Dictionary<string, string>
                    {
                        ["install"] = "https://d.example/i", ["download"] = "https://d.example/d", ["page"] = "https://d.example/p",
                    },
                    Facts = new Dictionary<string, string> { ["version"] = "2.1", ["build"] = "9" },
                },
            ],
        };

        var markdown = DistributionSummary.Render(ReportWith(fenfa), new RunContext(), version: null);

        markdown.Should().Contain(
            "| App.apk | Fenfa | 2.1 | 9 | ✅ already there | [page](https://d.example/p) · [download](https://d.example/d) · [install](https://d.example/i) |");
    }

    [Fact]
    public void Render_TargetWithoutItems_GetsOneRowWithItsReason()
    {
        var aptoide = TargetResult.Failed("Aptoide", "401 | token expired\nre-login");

        var markdown = DistributionSummary.Render(ReportWith(aptoide), new RunContext(), "1.0");

        markdown.Should().Contain("| — | Aptoide | 1.0 | — | ❌ failed: 401 \\| token expired re-login | — |");
    }

    [Fact]
    public void Render_NeverLinksANonHttpUrl_NorEmitsOurMarkers()
    {
        var hostile = new TargetResult
        {
            Target = "Fenfa", Outcome = Outcome.Succeeded,
            Items =
            [
                new ItemResult
                {
                    Name = "<!-- ci-publisher:end -->", Outcome = Outcome.Succeeded,
                    Links = new Dictionary<string, string> { ["page"] = "javascript:alert(1)", ["download"] = "https://x.example/a(b)" },
                },
            ],
        };

        var markdown = DistributionSummary.Render(ReportWith(hostile), new RunContext(), "1.0");

        markdown.Should().NotContain("javascript:").And.NotContain(ReleaseSection.EndMarker)
            .And.Contain("[download](https://x.example/a%28b%29)");
    }

    [Fact]
    public void Render_ShowsAdpStatusDevicesAndTheRun()
    {
        var altstore = new TargetResult
        {
            Target = "AltStore", Outcome = Outcome.Succeeded,
            Outputs = new Dictionary<string, string> { ["adp-status"] = "processing" },
        };
        var apple = new TargetResult
        {
            Target = "Apple devices", Outcome = Outcome.Succeeded,
            Outputs = new Dictionary<string, string> { ["devices-registered"] = "2", ["devices-invalid"] = "1" },
        };
        var context = new RunContext { RunUrl = "https://github.com/o/r/actions/runs/1", Sha = "abcdef1234567" };

        var markdown = DistributionSummary.Render(ReportWith(altstore, apple), context, "1.0");

        markdown.Should().Contain("**AltStore ADP:** processing\n")
            .And.Contain("**Devices:** 2 registered, 1 invalid")
            .And.Contain("[run](https://github.com/o/r/actions/runs/1) · commit abcdef1");
    }
}
