using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Tests.Reporting;

public class SummaryRendererTests
{
    private static readonly ArtifactInfo Ipa = new()
    {
        Path = "build/Lumen.ipa", FileName = "Lumen.ipa", Extension = ".ipa", Platform = ArtifactPlatform.Ios, SizeBytes = 66330,
        Version = "2.4.1", Build = "418",
    };

    private static readonly ArtifactInfo Aab = Ipa with
    {
        Path = "build/app.aab", FileName = "app.aab", Extension = ".aab", Platform = ArtifactPlatform.Android,
    };

    private static RunReport Report(params TargetResult[] targets) => new()
    {
        Command = "publish", Artifacts = [Ipa, Aab], Targets = targets, StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromSeconds(3),
    };

    private static TargetResult Fenfa(Outcome outcome = Outcome.Succeeded) => new()
    {
        Target = "Fenfa", Outcome = outcome,
        Items =
        [
            new ItemResult
            {
                Name = "Lumen.ipa", Outcome = outcome,
                Published = new Publication
                {
                    PageUrl = "https://dist.example.com/products/lumen?r=rel_1",
                    InstallUrl = "itms-services://?action=download-manifest&url=https%3A%2F%2Fdist.example.com%2Fios%2Frel_1%2Fmanifest.plist",
                },
            },
            new ItemResult { Name = "app.aab", Outcome = Outcome.Skipped, Reason = "Fenfa takes no .aab", NotForThisTarget = true },
        ],
    };

    private static TargetResult Assets() => new()
    {
        Target = "GitHub release assets", Outcome = Outcome.Succeeded,
        Items =
        [
            new ItemResult
            {
                Name = "Lumen.ipa", Outcome = Outcome.Succeeded, Facts = new Dictionary<string, string> { ["size"] = "66330" },
                Published = new Publication { DownloadUrl = "https://github.com/o/r/releases/download/v2.4.1/Lumen.ipa" },
            },
        ],
    };

    [Fact]
    public void TheTop_SaysHowToInstall_EachArtifactWithItsLinks()
    {
        var summary = SummaryRenderer.Render(Report(Fenfa(), Assets()));

        var install = summary.IndexOf("### 📲 Install", StringComparison.Ordinal);
        install.Should().BePositive().And.BeLessThan(summary.IndexOf("<details><summary>✅ Fenfa", StringComparison.Ordinal));
        summary.Should().Contain("| iOS | `Lumen.ipa` 2.4.1 (418) | [install page (Fenfa)](https://dist.example.com/products/lumen?r=rel_1) · " +
                                 "[download (GitHub release assets)](https://github.com/o/r/releases/download/v2.4.1/Lumen.ipa) |");
        summary.Should().NotContain("| Android | `app.aab`", "an artifact no target took has nothing to install");
    }

    [Fact]
    public void Details_AreCollapsed_ExceptAFailedTargets_AndRowsATargetNeverTakesAreLeftOut()
    {
        var summary = SummaryRenderer.Render(Report(Fenfa(Outcome.Failed), Assets()));

        summary.Should().Contain("### ❌ Fenfa").And.Contain("<details><summary>✅ GitHub release assets");
        summary.Should().NotContain("Fenfa takes no .aab");
        summary.Should().Contain("| 64.8 KiB |", "byte counts are shown for people");
    }
}
