using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Fenfa;

public class FenfaLinksTests
{
    [Fact]
    public void ComposedLinks_MatchTheServersShape_WithInstallOnlyForIos()
    {
        var ios = FenfaLinks.Compose(new Uri("https://dist.example.org/"), "lumen", "var_1", "rel_2", ArtifactPlatform.Ios);
        var android = FenfaLinks.Compose(new Uri("https://dist.example.org/"), "lumen", "var_1", "rel_2", ArtifactPlatform.Android);

        ios["page"].Should().Be("https://dist.example.org/products/lumen?r=rel_2&variant=var_1");
        ios["download"].Should().Be("https://dist.example.org/d/rel_2");
        ios["install"].Should().Be("itms-services://?action=download-manifest&url=https%3A%2F%2Fdist.example.org%2Fios%2Frel_2%2Fmanifest.plist");
        android.Should().NotContainKey("install");
    }

    [Fact]
    public void UploadLinks_DropTheIosLinksFenfaReturnsForEveryPlatform()
    {
        var urls = new Dictionary<string, string>
        {
            ["page"] = "https://d/products/x",
            ["release_page"] = "https://d/products/x?r=rel_1",
            ["download"] = "https://d/d/rel_1",
            ["ios_install"] = "itms-services://?x",
        };

        FenfaLinks.FromUpload(urls, ArtifactPlatform.Android).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["page"] = "https://d/products/x?r=rel_1",
            ["download"] = "https://d/d/rel_1",
        });
        FenfaLinks.FromUpload(urls, ArtifactPlatform.Ios).Should().ContainKey("install");
    }
}
