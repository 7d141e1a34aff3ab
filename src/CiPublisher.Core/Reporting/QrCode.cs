using QRCoder;

namespace CiPublisher.Core.Reporting;

/// <summary>
/// A QR code of a link as a PNG, for a tester's phone camera. GitHub's Markdown drops data: images and a QR drawn in
/// text does not scan once rendered, so the PNG is hosted (a release asset) and shown as an image.
/// </summary>
public static class QrCode
{
    // 6 px a module and a 4-module quiet zone: ~200 px for a typical link, enough for a camera at arm's length.
    private const int PixelsPerModule = 6;

    public static byte[] Png(string link) =>
        PngByteQRCodeHelper.GetQRCode(link, QRCodeGenerator.ECCLevel.M, PixelsPerModule);
}
