using System.Globalization;

namespace CiPublisher.Core.Artifacts;

/// <summary>One attribute of a compiled (binary) Android XML element.</summary>
/// <param name="Namespace">Namespace URI, or null.</param>
/// <param name="Name">Local name; empty when a shrinker stripped it (then <paramref name="ResourceId"/> still identifies it).</param>
/// <param name="ResourceId">The attribute's resource id from the resource map (e.g. 0x0101021b for android:versionCode), or 0.</param>
/// <param name="ValueType">The <c>Res_value</c> data type: 0x03 string, 0x10 decimal int, 0x11 hex int, 0x12 bool, 0x01 reference, ...</param>
/// <param name="Data">The raw 32-bit data of the typed value.</param>
/// <param name="StringValue">The string for string values (or the raw source text when the compiler kept it), else null.</param>
public sealed record AndroidXmlAttr(string? Namespace, string Name, uint ResourceId, byte ValueType, uint Data, string? StringValue)
{
    public const byte TypeReference = 0x01;
    public const byte TypeString = 0x03;
    public const byte TypeIntDecimal = 0x10;
    public const byte TypeIntHex = 0x11;
    public const byte TypeBoolean = 0x12;

    /// <summary>True for decimal and hexadecimal integers (and booleans, which are ints on the wire).</summary>
    public bool IsInteger => ValueType is TypeIntDecimal or TypeIntHex;

    /// <summary>
    /// The value as text: strings as they are, integers in decimal, booleans as true/false,
    /// references as <c>@0x7F0B0001</c>. Other types fall back to the raw string, if any.
    /// </summary>
    public string? Text => ValueType switch
    {
        TypeString => StringValue,
        TypeIntDecimal or TypeIntHex => unchecked((int)Data).ToString(CultureInfo.InvariantCulture),
        TypeBoolean => Data != 0 ? "true" : "false",
        TypeReference => "@0x" + Data.ToString("X8", CultureInfo.InvariantCulture),
        _ => StringValue,
    };
}

/// <summary>One start tag of a compiled Android XML document, with its nesting depth (root = 0).</summary>
public sealed record AndroidXmlElement(string? Namespace, string Name, int Depth, IReadOnlyList<AndroidXmlAttr> Attributes);
