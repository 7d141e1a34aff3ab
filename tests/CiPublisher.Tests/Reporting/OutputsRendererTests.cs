using System.Text.Json.Nodes;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;

namespace CiPublisher.Tests.Reporting;

public class OutputsRendererTests
{
    private static readonly ArtifactInfo Ipa = new()
    {
        Path = "/b/Lumen.ipa", FileName = "Lumen.ipa", Extension = ".ipa", Platform = ArtifactPlatform.Ios, Version = "2.4.1", Build = "418", SizeBytes = 1024,
    };

    [Fact]
    public void TheReleasesAndResultOutputs_NameAPublicationsFactsAndLinks_AsInterfaceSays()
    {
        var item = new ItemResult
        {
            Name = "Lumen.ipa", Outcome = Outcome.Succeeded,
            Published = new Publication
            {
                Version = "2.4.1", Build = "418", ReleaseId = "rel_1", Sha256 = "ab12",
                PageUrl = "https://d.example/p", DownloadUrl = "https://d.example/d", InstallUrl = "itms-services://?x",
            },
            Facts = new Dictionary<string, string> { ["size"] = "1 KiB" },
        };
        var report = new RunReport
        {
            Command = "publish", Artifacts = [Ipa], StartedAt = DateTimeOffset.UnixEpoch,
            Targets = [new TargetResult { Target = "Fenfa", Outcome = Outcome.Succeeded, Items = [item] }],
        };

        var outputs = OutputsRenderer.Render(report);

        var entry = JsonNode.Parse(outputs["releases"])!.AsArray().Single()!.AsObject();
        entry.Select(p => (p.Key, p.Value!.GetValue<string>())).Should().Equal(
            ("target", "Fenfa"), ("artifact", "Lumen.ipa"), ("outcome", "succeeded"),
            ("version", "2.4.1"), ("build", "418"), ("release-id", "rel_1"), ("sha256", "ab12"), ("size", "1 KiB"),
            ("page-url", "https://d.example/p"), ("download-url", "https://d.example/d"), ("install-url", "itms-services://?x"));
        var resultItem = JsonNode.Parse(outputs["result"])!["targets"]![0]!["items"]![0]!;
        resultItem["links"]!["download"]!.GetValue<string>().Should().Be("https://d.example/d");
        resultItem["facts"]!["release-id"]!.GetValue<string>().Should().Be("rel_1");
        resultItem["published"].Should().BeNull("the result output keeps its shape: the publication shows among the facts and links");
    }

    [Fact]
    public void AQrCodeItem_ShowsItsImageAndArtifact_UnderTheNamesQrAndFor()
    {
        var item = new ItemResult { Name = "QR code of Lumen.ipa", Outcome = Outcome.Succeeded, QrCode = new QrCodeImage("Lumen.ipa", "https://gh.example/qr.png") };

        item.Links.Should().Equal(new Dictionary<string, string> { ["qr"] = "https://gh.example/qr.png" });
        item.Facts.Should().Equal(new Dictionary<string, string> { ["for"] = "Lumen.ipa" });
    }
}
