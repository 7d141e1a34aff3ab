using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Targets.Fenfa;

public class FenfaLinksTests
{
    private static readonly Uri Server = new("https://fenfa.internal.example:8443/");

    [Fact]
    public void ComposedLinks_UseThePrimaryDomain_AndTheFirstSecondaryForDownloads()
    {
        var domains = FenfaDomains.From(new FenfaServerSettings
        {
            PrimaryDomain = "https://dist.example.com",
            SecondaryDomains = ["https://cdn.example.com", "https://cdn2.example.com"],
        }, Server);

        var urls = FenfaLinks.Compose(domains, "lumen", "var_1", "rel_2");

        urls["release_page"].Should().Be("https://dist.example.com/products/lumen?r=rel_2&variant=var_1");
        urls["download"].Should().Be("https://cdn.example.com/d/rel_2");
        urls["ios_install"].Should().Be("itms-services://?action=download-manifest&url=https%3A%2F%2Fdist.example.com%2Fios%2Frel_2%2Fmanifest.plist");
    }

    [Theory]
    [InlineData("http://localhost:8000", "https://fenfa.internal.example:8443")]
    [InlineData("http://127.0.0.1:9000", "https://fenfa.internal.example:8443")]
    [InlineData("", "https://fenfa.internal.example:8443")]
    [InlineData("http://dist.example.com", "https://dist.example.com")]
    [InlineData("dist.example.com", "https://dist.example.com")]
    [InlineData("https://dist.example.com", "https://dist.example.com")]
    public void Domains_FollowTheServersNormalization(string primary, string expected)
    {
        var domains = FenfaDomains.From(new FenfaServerSettings { PrimaryDomain = primary, SecondaryDomains = [] }, Server);

        domains.Primary.Should().Be(expected);
        domains.DownloadBase.Should().Be(expected);
    }

    [Fact]
    public void Domains_WithoutSettings_AreTheServersOwnAddress()
    {
        FenfaDomains.From(null, new Uri("http://127.0.0.1:41086")).Should().Be(new FenfaDomains("http://127.0.0.1:41086", "http://127.0.0.1:41086"));
    }

    [Fact]
    public void PublicActions_GainTheVariant_SoTheyReadAsTheUploadAnswer()
    {
        var actions = new Dictionary<string, string>
        {
            ["release_page"] = "https://d/products/x?r=rel_1",
            ["download"] = "https://d/d/rel_1",
        };

        FenfaLinks.FromActions(actions, "var_9")["release_page"].Should().Be("https://d/products/x?r=rel_1&variant=var_9");
    }

    [Fact]
    public void ShownLinks_DropTheIosLinksFenfaReturnsForEveryPlatform()
    {
        var urls = new Dictionary<string, string>
        {
            ["page"] = "https://d/products/x",
            ["release_page"] = "https://d/products/x?r=rel_1",
            ["download"] = "https://d/d/rel_1",
            ["ios_install"] = "itms-services://?x",
        };

        FenfaLinks.Shown(urls, ArtifactPlatform.Android).Should().Be(new Publication
        {
            PageUrl = "https://d/products/x?r=rel_1",
            DownloadUrl = "https://d/d/rel_1",
        });
        FenfaLinks.Shown(urls, ArtifactPlatform.Ios).InstallUrl.Should().Be("itms-services://?x");
    }
}
