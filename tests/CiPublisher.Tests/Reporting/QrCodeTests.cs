using CiPublisher.Core.Reporting;

namespace CiPublisher.Tests.Reporting;

public class QrCodeTests
{
    [Theory]
    [InlineData("https://dist.example.com/products/lumen?r=rel_b07d00c495509d51&variant=var_22558c8dd8c1c112")]
    [InlineData("https://github.com/octo-org/lumen/releases/download/v2.4.1/Lumen.ipa")]
    public void TheCode_ScansBackToTheLink_WithARealDecoder(string link)
    {
        var png = QrCode.Png(link);

        QrDecoder.Decode(png).Should().Be(link);
        PngGray.Decode(png).Width.Should().BeInRange(150, 400, "big enough for a phone camera, small enough for a summary row");
    }
}
