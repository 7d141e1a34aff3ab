using CiPublisher.Core.Reporting;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Tests.Targets.GitHub;

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
                    Published = new Publication
                    {
                        InstallUrl = "https://d.example/i", DownloadUrl = "https://d.example/d", PageUrl = "https://d.example/p", Version = "2.1", Build = "9",
                    },
                    Links = new Dictionary<string, string> { ["comment"] = "https://d.example/c" },
                },
            ],
        };

        var markdown = DistributionSummary.Render(ReportWith(fenfa), new RunContext(), version: null);

        markdown.Should().Contain(
            "| App.apk | Fenfa | 2.1 | 9 | ✅ already there | [page](https://d.example/p) · [download](https://d.example/d) · [install](https://d.example/i) · [comment](https://d.example/c) |");
    }

    [Fact]
    public void Render_StartsWithTheInstallTable_OfTheJobSummary_WithTheQrCodesMadeForIt()
    {
        var ipa = new CiPublisher.Core.Artifacts.ArtifactInfo
        {
            Path = "/b/Lumen.ipa", FileName = "Lumen.ipa", Extension = ".ipa", Platform = CiPublisher.Core.Artifacts.ArtifactPlatform.Ios,
            Version = "2.4.1", Build = "418", SizeBytes = 1024,
        };
        var fenfa = new TargetResult
        {
            Target = "Fenfa", Outcome = Outcome.Succeeded,
            Items = [new ItemResult { Name = "Lumen.ipa", Outcome = Outcome.Succeeded, Published = new Publication { PageUrl = "https://d.example/p" } }],
        };
        ItemResult[] codes = [new ItemResult
        {
            Name = "QR code of Lumen.ipa", Outcome = Outcome.Succeeded,
            QrCode = new QrCodeImage("Lumen.ipa", "https://gh.example/qr-Lumen.ipa.png"),
        }];

        var markdown = DistributionSummary.Render(ReportWith(fenfa) with { Artifacts = [ipa] }, new RunContext(), "2.4.1", codes);

        var install = InstallTable.Render(ReportWith(fenfa, new TargetResult { Target = "QR codes", Outcome = Outcome.Succeeded, Items = codes }) with { Artifacts = [ipa] },
            DistributionSummary.InstallCorner);
        markdown.Should().Contain(install, "the release section and the comment show what the job summary shows")
            .And.Contain("| iOS | `Lumen.ipa` 2.4.1 (418) | [install page (Fenfa)](https://d.example/p) | ![QR code](https://gh.example/qr-Lumen.ipa.png) |");
        markdown.IndexOf("📲 install", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("| Artifact | Target", StringComparison.Ordinal));
        markdown.Should().NotContain("| QR code of Lumen.ipa |", "the codes are shown, not listed as rows");
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
                    Published = new Publication { PageUrl = "javascript:alert(1)", DownloadUrl = "https://x.example/a(b)" },
                },
            ],
        };

        var markdown = DistributionSummary.Render(ReportWith(hostile), new RunContext(), "1.0");

        markdown.Should().NotContain("javascript:").And.NotContain(ReleaseSection.EndMarker)
            .And.Contain("[download](https://x.example/a%28b%29)");
    }

    [Fact]
    public void Render_ShowsWhereAHostedAdpIs()
    {
        var altstore = new TargetResult
        {
            Target = "AltStore", Outcome = Outcome.Succeeded,
            Adp = new AdpSummary("success", "https://cdn.example/adp.zip?Expires=1", "https://github.com/o/r/releases/download/v1/manifest.json"),
        };

        var markdown = DistributionSummary.Render(ReportWith(altstore), new RunContext(), "1.0");

        markdown.Should().Contain("**AltStore ADP:** success · [manifest](https://github.com/o/r/releases/download/v1/manifest.json) · " +
                                  "[download](https://cdn.example/adp.zip?Expires=1)");
    }

    [Fact]
    public void Render_ShowsAdpStatusDevicesAndTheRun()
    {
        var altstore = new TargetResult
        {
            Target = "AltStore", Outcome = Outcome.Succeeded,
            Adp = new AdpSummary("processing"),
        };
        var apple = new TargetResult
        {
            Target = "Apple devices", Outcome = Outcome.Succeeded,
            Devices = new DeviceCounts(2, 0, 5, 1),
        };
        var context = new RunContext { RunUrl = "https://github.com/o/r/actions/runs/1", Sha = "abcdef1234567" };

        var markdown = DistributionSummary.Render(ReportWith(altstore, apple), context, "1.0");

        markdown.Should().Contain("**AltStore ADP:** processing\n")
            .And.Contain("**Devices:** 2 registered, 0 re-enabled, 5 existing, 1 invalid")
            .And.Contain("[run](https://github.com/o/r/actions/runs/1) · commit abcdef1");
    }
}
