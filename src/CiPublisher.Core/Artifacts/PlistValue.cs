using System.Globalization;

namespace CiPublisher.Core.Artifacts;

/// <summary>
/// One value of a property list (XML or binary). The model is deliberately small: the eight
/// types Apple's plist formats define, nothing else.
/// </summary>
public abstract class PlistValue
{
    private protected PlistValue() { }

    /// <summary>This value as a string when it is one, else null.</summary>
    public string? AsString() => (this as PlistString)?.Value;
}

/// <summary>A <c>&lt;dict&gt;</c>: string keys in file order. A repeated key keeps its last value.</summary>
public sealed class PlistDict : PlistValue
{
    private readonly Dictionary<string, PlistValue> _items = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public IReadOnlyList<string> Keys => _keys;

    public int Count => _keys.Count;

    public PlistValue this[string key] => _items[key];

    public bool TryGetValue(string key, out PlistValue value)
    {
        if (_items.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The string stored under <paramref name="key"/>, or null when absent or not a string.</summary>
    public string? GetString(string key) => _items.TryGetValue(key, out var value) ? value.AsString() : null;

    internal void Set(string key, PlistValue value)
    {
        if (!_items.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _items[key] = value;
    }
}

/// <summary>An <c>&lt;array&gt;</c> (binary sets are read as arrays too).</summary>
public sealed class PlistArray : PlistValue
{
    public PlistArray(IReadOnlyList<PlistValue> items) => Items = items;

    public IReadOnlyList<PlistValue> Items { get; }
}

public sealed class PlistString : PlistValue
{
    public PlistString(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>
/// A 64-bit integer. Apple's formats also allow unsigned values above <see cref="long.MaxValue"/>
/// (binary: the 16-byte form); those are kept bit for bit with <see cref="IsUnsigned"/> set.
/// </summary>
public sealed class PlistInteger : PlistValue
{
    public PlistInteger(long value, bool isUnsigned = false)
    {
        Value = value;
        IsUnsigned = isUnsigned && value < 0;
    }

    public long Value { get; }

    /// <summary>True when <see cref="Value"/> holds an unsigned number above <see cref="long.MaxValue"/>.</summary>
    public bool IsUnsigned { get; }

    /// <summary>The exact numeric value, whichever of the two ranges it is in.</summary>
    public Int128 ExactValue => IsUnsigned ? (Int128)unchecked((ulong)Value) : Value;

    public override string ToString() => ExactValue.ToString(CultureInfo.InvariantCulture);
}

public sealed class PlistReal : PlistValue
{
    public PlistReal(double value) => Value = value;

    public double Value { get; }

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed class PlistBoolean : PlistValue
{
    public static PlistBoolean True { get; } = new(true);

    public static PlistBoolean False { get; } = new(false);

    private PlistBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override string ToString() => Value ? "true" : "false";
}

/// <summary>A date, always in UTC.</summary>
public sealed class PlistDate : PlistValue
{
    /// <summary>The epoch of binary plist dates (Core Foundation's absolute time).</summary>
    public static DateTimeOffset ReferenceDate { get; } = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public PlistDate(DateTimeOffset value) => Value = value.ToUniversalTime();

    public DateTimeOffset Value { get; }

    public override string ToString() => Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public sealed class PlistData : PlistValue
{
    public PlistData(ReadOnlyMemory<byte> value) => Value = value;

    public ReadOnlyMemory<byte> Value { get; }
}
