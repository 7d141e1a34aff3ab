using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

/// <summary>
/// Renders a plist value tree as one canonical line per leaf (path = type:value), from either the
/// reader's model or, independently, an XML plist parsed with XDocument. Equal text = equal trees.
/// </summary>
internal static class PlistCanon
{
    public static string Of(PlistValue value)
    {
        var sb = new StringBuilder();
        Write(sb, "", value);
        return sb.ToString();
    }

    public static string OfXmlFile(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var root = XDocument.Load(reader).Root!;
        var sb = new StringBuilder();
        Write(sb, "", root.Elements().Single());
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, string path, PlistValue value)
    {
        switch (value)
        {
            case PlistDict d:
                sb.Append(path).Append(" = dict(").Append(d.Count).Append(")\n");
                foreach (var key in d.Keys)
                {
                    Write(sb, $"{path}/{key}", d[key]);
                }

                break;
            case PlistArray a:
                sb.Append(path).Append(" = array(").Append(a.Items.Count).Append(")\n");
                for (var i = 0; i < a.Items.Count; i++)
                {
                    Write(sb, $"{path}[{i}]", a.Items[i]);
                }

                break;
            case PlistString s: Leaf(sb, path, "string", s.Value); break;
            case PlistInteger n: Leaf(sb, path, "integer", n.ExactValue.ToString(CultureInfo.InvariantCulture)); break;
            case PlistReal r: Leaf(sb, path, "real", r.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case PlistBoolean b: Leaf(sb, path, "bool", b.Value ? "true" : "false"); break;
            case PlistDate t: Leaf(sb, path, "date", t.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
            case PlistData bytes: Leaf(sb, path, "data", Convert.ToHexString(bytes.Value.Span)); break;
            default: throw new InvalidOperationException(value.GetType().Name);
        }
    }

    private static void Write(StringBuilder sb, string path, XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "dict":
                var children = e.Elements().ToList();
                sb.Append(path).Append(" = dict(").Append(children.Count / 2).Append(")\n");
                for (var i = 0; i < children.Count; i += 2)
                {
                    Write(sb, $"{path}/{children[i].Value}", children[i + 1]);
                }

                break;
            case "array":
                var items = e.Elements().ToList();
                sb.Append(path).Append(" = array(").Append(items.Count).Append(")\n");
                for (var i = 0; i < items.Count; i++)
                {
                    Write(sb, $"{path}[{i}]", items[i]);
                }

                break;
            case "string": Leaf(sb, path, "string", e.Value); break;
            case "integer": Leaf(sb, path, "integer", Int128.Parse(e.Value.Trim(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); break;
            case "real": Leaf(sb, path, "real", double.Parse(e.Value.Trim(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)); break;
            case "true": Leaf(sb, path, "bool", "true"); break;
            case "false": Leaf(sb, path, "bool", "false"); break;
            case "date":
                var date = DateTime.Parse(e.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Leaf(sb, path, "date", date.ToString("O", CultureInfo.InvariantCulture));
                break;
            case "data": Leaf(sb, path, "data", Convert.ToHexString(Convert.FromBase64String(e.Value))); break;
            default: throw new InvalidOperationException(e.Name.LocalName);
        }
    }

    private static void Leaf(StringBuilder sb, string path, string type, string value) =>
        sb.Append(path).Append(" = ").Append(type).Append(':').Append(value).Append('\n');
}
