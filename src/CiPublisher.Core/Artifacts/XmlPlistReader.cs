using System.Globalization;
using System.Xml;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// Reads an XML property list (<c>&lt;plist&gt;</c> with dict, array, string, integer, real,
/// true, false, date, data).
/// </summary>
/// <remarks>
/// Plists carry a DOCTYPE pointing at Apple's DTD, so DTDs are ignored rather than prohibited
/// (prohibiting would reject every real Info.plist), and nothing external is ever resolved:
/// no resolver, no entity expansion.
/// </remarks>
internal static class XmlPlistReader
{
    internal static PlistValue Read(byte[] data, string source)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 64L * 1024 * 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data, writable: false), settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "plist")
            {
                throw Bad(source, $"the root element is '{reader.Name}', not 'plist'");
            }

            if (reader.IsEmptyElement)
            {
                throw Bad(source, "the plist element is empty");
            }

            reader.Read();
            SkipNonElements(reader);
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw Bad(source, "the plist element holds no value");
            }

            return ReadValue(reader, source, depth: 0);
        }
        catch (XmlException ex)
        {
            throw new ArtifactFormatException($"{source}: malformed XML property list: {ex.Message}", ex);
        }
    }

    private static ArtifactFormatException Bad(string source, string what) =>
        new($"{source}: malformed XML property list: {what}.");

    private static void SkipNonElements(XmlReader reader)
    {
        while (reader.NodeType is not (XmlNodeType.Element or XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                // Text between values is not whitespace (IgnoreWhitespace drops that): stray content.
                throw new XmlException($"unexpected text '{Shorten(reader.Value)}'");
            }

            reader.Read();
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>Reads the value element under the cursor and leaves the cursor just past it.</summary>
    private static PlistValue ReadValue(XmlReader reader, string source, int depth)
    {
        if (depth > PlistReader.MaxDepth)
        {
            throw Bad(source, $"nesting deeper than {PlistReader.MaxDepth} levels");
        }

        var name = reader.Name;
        switch (name)
        {
            case "dict":
                return ReadDictionary(reader, source, depth);
            case "array":
                return ReadArray(reader, source, depth);
            case "true":
            case "false":
                reader.Skip();
                return name == "true" ? PlistBoolean.True : PlistBoolean.False;
            case "string":
                return new PlistString(ReadText(reader));
            case "integer":
                return ParseInteger(ReadText(reader).Trim(), source);
            case "real":
                return ParseReal(ReadText(reader).Trim(), source);
            case "date":
                return ParseDate(ReadText(reader).Trim(), source);
            case "data":
                return ParseData(ReadText(reader), source);
            default:
                throw Bad(source, $"unknown element '{name}'");
        }
    }

    private static PlistDict ReadDictionary(XmlReader reader, string source, int depth)
    {
        var dict = new PlistDict();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return dict;
        }

        reader.Read();
        while (true)
        {
            SkipNonElements(reader);
            if (reader.NodeType != XmlNodeType.Element)
            {
                break;
            }

            if (reader.Name != "key")
            {
                throw Bad(source, $"expected 'key' in dict, found '{reader.Name}'");
            }

            var key = ReadText(reader);
            SkipNonElements(reader);
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw Bad(source, $"key '{Shorten(key)}' has no value");
            }

            dict.Set(key, ReadValue(reader, source, depth + 1));
        }

        reader.ReadEndElement();
        return dict;
    }

    private static PlistArray ReadArray(XmlReader reader, string source, int depth)
    {
        var items = new List<PlistValue>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new PlistArray(items);
        }

        reader.Read();
        while (true)
        {
            SkipNonElements(reader);
            if (reader.NodeType != XmlNodeType.Element)
            {
                break;
            }

            items.Add(ReadValue(reader, source, depth + 1));
        }

        reader.ReadEndElement();
        return new PlistArray(items);
    }

    /// <summary>The text content of a simple element; empty elements (<c>&lt;string/&gt;</c>) give "".</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        // Throws XmlException if the element holds child elements.
        return reader.ReadElementContentAsString();
    }

    private static PlistInteger ParseInteger(string text, string source)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var negativeHex = text.StartsWith("-0x", StringComparison.OrdinalIgnoreCase);
        if (hex || negativeHex)
        {
            var digits = text[(negativeHex ? 3 : 2)..];
            if (ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
            {
                if (!negativeHex)
                {
                    return new PlistInteger(unchecked((long)h), isUnsigned: h > long.MaxValue);
                }

                if (h <= (ulong)long.MaxValue + 1)
                {
                    return new PlistInteger(unchecked(-(long)h));
                }
            }
        }
        else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new PlistInteger(value);
        }
        else if (ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return new PlistInteger(unchecked((long)big), isUnsigned: true);
        }

        throw Bad(source, $"'{Shorten(text)}' is not a 64-bit integer");
    }

    private static PlistReal ParseReal(string text, string source)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                return new PlistReal(double.NaN);
            case "inf" or "+inf" or "infinity" or "+infinity":
                return new PlistReal(double.PositiveInfinity);
            case "-inf" or "-infinity":
                return new PlistReal(double.NegativeInfinity);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return new PlistReal(value);
        }

        throw Bad(source, $"'{Shorten(text)}' is not a real number");
    }

    private static PlistDate ParseDate(string text, string source)
    {
        // Apple writes ISO 8601 in UTC: 2026-11-20T09:30:00Z.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return new PlistDate(value);
        }

        throw Bad(source, $"'{Shorten(text)}' is not a date");
    }

    private static PlistData ParseData(string text, string source)
    {
        try
        {
            // Convert ignores the spaces, tabs and line breaks plists put inside <data>.
            return new PlistData(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw Bad(source, "<data> is not valid base64");
        }
    }
}
