using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;
using ZXing.QrCode;

namespace CiPublisher.TestSupport;

/// <summary>Reads QR codes back with a real decoder (ZXing): the text a phone camera would get.</summary>
public static class QrDecoder
{
    /// <summary>The one code of a QR code PNG, or null.</summary>
    public static string? Decode(byte[] png) => new QRCodeReader().decode(Bitmap(png))?.Text;

    /// <summary>Every code found anywhere in a picture (a screenshot of a page), in no particular order.</summary>
    public static IReadOnlyList<string> DecodeAll(byte[] png)
    {
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeMultiReader().decodeMultiple(Bitmap(png), hints)?.Select(r => r.Text).ToList() ?? [];
    }

    private static BinaryBitmap Bitmap(byte[] png)
    {
        var (width, height, pixels) = PngGray.Decode(png);
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
    }
}
