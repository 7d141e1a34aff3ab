using System.Buffers.Binary;
using System.IO.Compression;

namespace CiPublisher.TestSupport;

/// <summary>
/// Reads a grayscale or palette PNG (any bit depth up to 8), or an 8-bit RGB or RGBA one (a browser's screenshot), into
/// 8-bit gray pixels, for a QR decoder to read.
/// </summary>
public static class PngGray
{
    public static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, depth, colour) = ((int)BinaryPrimitives.ReadUInt32BigEndian(body), (int)BinaryPrimitives.ReadUInt32BigEndian(body[4..]), body[8], body[9]);
                    break;
                case "PLTE": palette = body.ToArray(); break;
                case "IDAT": data.Write(body); break;
            }
            at += 12 + length;
        }
        var channels = colour switch { 0 or 3 => 1, 2 => 3, 6 => 4, _ => 0 };
        if (channels == 0 || depth > 8 || (channels > 1 && depth != 8)) throw new NotSupportedException($"PNG colour type {colour}, depth {depth}");

        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = (width * depth * channels + 7) / 8;
        var previous = new byte[stride];
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var line = bytes.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            Unfilter(filter, line, previous, Math.Max(1, depth * channels / 8));
            for (var x = 0; x < width; x++)
            {
                if (channels > 1)
                {
                    var (r, g, b) = (line[x * channels], line[x * channels + 1], line[x * channels + 2]);
                    var alpha = channels == 4 ? line[x * channels + 3] : 255;
                    // Luma, over a white page where transparent.
                    var luma = (r * 299 + g * 587 + b * 114) / 1000;
                    pixels[y * width + x] = (byte)((luma * alpha + 255 * (255 - alpha)) / 255);
                    continue;
                }
                var bit = x * depth;
                var value = (line[bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
                pixels[y * width + x] = colour == 3 ? palette[value * 3] : (byte)(value * 255 / ((1 << depth) - 1));
            }
            previous = line;
        }
        return (width, height, pixels);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bytesPerPixel)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
            var up = previous[i];
            var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            line[i] += filter switch
            {
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => Paeth(left, up, upLeft),
                _ => 0,
            };
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }
}
