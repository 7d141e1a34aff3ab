using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace CiPublisher.TestSupport;

/// <summary>Reads a QR code PNG back with a real decoder (ZXing): the text a phone camera would get, or null.</summary>
public static class QrDecoder
{
    public static string? Decode(byte[] png)
    {
        var (width, height, pixels) = PngGray.Decode(png);
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }
}
