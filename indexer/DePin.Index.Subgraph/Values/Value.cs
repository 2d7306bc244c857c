using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// An immutable entity field value (graph-node's <c>store::Value</c>). Create one with the
/// <c>From…</c> factories or <see cref="Null"/>; read it with the <c>As…</c> accessors, which
/// throw <see cref="InvalidOperationException"/> on a kind mismatch. Equality is by kind and
/// content (an <c>Int</c> 1 is not a <c>BigInt</c> 1, as in graph-node); <see cref="ToString"/>
/// follows graph-node's <c>Display</c> (bytes as <c>0x…</c> lower-case hex, lists as
/// <c>[a, b]</c>, null as <c>null</c>).
/// </summary>
public sealed class Value : IEquatable<Value>
{
    private readonly object? _ref;
    private readonly long _num;

    private Value(ValueKind kind, object? reference, long number)
    {
        Kind = kind;
        _ref = reference;
        _num = number;
    }

    /// <summary>The null value.</summary>
    public static Value Null { get; } = new(ValueKind.Null, null, 0);

    /// <summary>Boolean true.</summary>
    public static Value True { get; } = new(ValueKind.Bool, null, 1);

    /// <summary>Boolean false.</summary>
    public static Value False { get; } = new(ValueKind.Bool, null, 0);

    /// <summary>The kind of this value.</summary>
    public ValueKind Kind { get; }

    /// <summary>True for <see cref="ValueKind.Null"/>.</summary>
    public bool IsNull => Kind == ValueKind.Null;

    public static Value FromString(string value) => new(ValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), 0);

    public static Value FromInt(int value) => new(ValueKind.Int, null, value);

    public static Value FromInt8(long value) => new(ValueKind.Int8, null, value);

    /// <summary>A timestamp in microseconds since the Unix epoch.</summary>
    public static Value FromTimestamp(long microseconds) => new(ValueKind.Timestamp, null, microseconds);

    public static Value FromBool(bool value) => value ? True : False;

    public static Value FromBigInt(BigInteger value) => new(ValueKind.BigInt, value, 0);

    public static Value FromBigDecimal(BigDecimal value) => new(ValueKind.BigDecimal, value, 0);

    /// <summary>Bytes (copied).</summary>
    public static Value FromBytes(ReadOnlySpan<byte> value) => new(ValueKind.Bytes, value.ToArray(), 0);

    /// <summary>A list (copied); elements must not be null references (use <see cref="Null"/>).</summary>
    public static Value FromArray(IEnumerable<Value> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("array elements must not be null references; use Value.Null", nameof(values));
        }

        return new(ValueKind.Array, new ReadOnlyCollection<Value>(list), 0);
    }

    public string AsString() => Kind == ValueKind.String ? (string)_ref! : throw Mismatch(ValueKind.String);

    public int AsInt() => Kind == ValueKind.Int ? (int)_num : throw Mismatch(ValueKind.Int);

    public long AsInt8() => Kind == ValueKind.Int8 ? _num : throw Mismatch(ValueKind.Int8);

    /// <summary>Microseconds since the Unix epoch.</summary>
    public long AsTimestamp() => Kind == ValueKind.Timestamp ? _num : throw Mismatch(ValueKind.Timestamp);

    public bool AsBool() => Kind == ValueKind.Bool ? _num != 0 : throw Mismatch(ValueKind.Bool);

    public BigInteger AsBigInt() => Kind == ValueKind.BigInt ? (BigInteger)_ref! : throw Mismatch(ValueKind.BigInt);

    public BigDecimal AsBigDecimal() => Kind == ValueKind.BigDecimal ? (BigDecimal)_ref! : throw Mismatch(ValueKind.BigDecimal);

    /// <summary>The bytes, read-only (no copy).</summary>
    public ReadOnlyMemory<byte> AsBytes() => Kind == ValueKind.Bytes ? (byte[])_ref! : throw Mismatch(ValueKind.Bytes);

    public IReadOnlyList<Value> AsArray() => Kind == ValueKind.Array ? (IReadOnlyList<Value>)_ref! : throw Mismatch(ValueKind.Array);

    public bool Equals(Value? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Int or ValueKind.Int8 or ValueKind.Timestamp or ValueKind.Bool => _num == other._num,
            ValueKind.String => string.Equals((string)_ref!, (string)other._ref!, StringComparison.Ordinal),
            ValueKind.BigInt => (BigInteger)_ref! == (BigInteger)other._ref!,
            ValueKind.BigDecimal => (BigDecimal)_ref! == (BigDecimal)other._ref!,
            ValueKind.Bytes => ((byte[])_ref!).AsSpan().SequenceEqual((byte[])other._ref!),
            ValueKind.Array => AsArray().SequenceEqual(other.AsArray()),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case ValueKind.String:
                hash.Add((string)_ref!, StringComparer.Ordinal);
                break;
            case ValueKind.BigInt:
            case ValueKind.BigDecimal:
                hash.Add(_ref);
                break;
            case ValueKind.Bytes:
                hash.AddBytes((byte[])_ref!);
                break;
            case ValueKind.Array:
                foreach (var v in AsArray())
                {
                    hash.Add(v);
                }

                break;
            default:
                hash.Add(_num);
                break;
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Kind switch
    {
        ValueKind.String => (string)_ref!,
        ValueKind.Int or ValueKind.Int8 or ValueKind.Timestamp => _num.ToString(CultureInfo.InvariantCulture),
        ValueKind.Bool => _num != 0 ? "true" : "false",
        ValueKind.Null => "null",
        ValueKind.BigInt => ((BigInteger)_ref!).ToString(CultureInfo.InvariantCulture),
        ValueKind.BigDecimal => ((BigDecimal)_ref!).ToString(),
        ValueKind.Bytes => "0x" + Convert.ToHexStringLower((byte[])_ref!),
        ValueKind.Array => "[" + string.Join(", ", AsArray().Select(v => v.ToString())) + "]",
        _ => Kind.ToString(),
    };

    private InvalidOperationException Mismatch(ValueKind wanted) =>
        new($"value is {Kind}, not {wanted}");
}
