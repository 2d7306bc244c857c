using System.Numerics;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.Values;

public class ValueTests
{
    [Fact]
    public void Factories_set_kind_and_accessors_return_content()
    {
        Assert.Equal("abc", Value.FromString("abc").AsString());
        Assert.Equal(-7, Value.FromInt(-7).AsInt());
        Assert.Equal(long.MinValue, Value.FromInt8(long.MinValue).AsInt8());
        Assert.Equal(1_700_000_000_000_000, Value.FromTimestamp(1_700_000_000_000_000).AsTimestamp());
        Assert.True(Value.FromBool(true).AsBool());
        Assert.False(Value.FromBool(false).AsBool());
        Assert.Equal(BigInteger.Parse("-123456789012345678901234567890"), Value.FromBigInt(BigInteger.Parse("-123456789012345678901234567890")).AsBigInt());
        Assert.Equal(BigDecimal.Parse("1.5"), Value.FromBigDecimal(BigDecimal.Parse("1.50")).AsBigDecimal());
        Assert.Equal(new byte[] { 1, 2 }, Value.FromBytes([1, 2]).AsBytes().ToArray());
        Assert.Equal(ValueKind.Array, Value.FromArray([Value.FromInt(1)]).Kind);
        Assert.True(Value.Null.IsNull);
        Assert.Equal(ValueKind.Timestamp, Value.FromTimestamp(0).Kind);
        Assert.Equal(ValueKind.Int8, Value.FromInt8(0).Kind);
    }

    [Fact]
    public void Kind_numbers_match_graph_ts()
    {
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            new[] { ValueKind.String, ValueKind.Int, ValueKind.BigDecimal, ValueKind.Bool, ValueKind.Array, ValueKind.Null, ValueKind.Bytes, ValueKind.BigInt, ValueKind.Int8, ValueKind.Timestamp }.Select(k => (int)k));
    }

    [Fact]
    public void Accessor_of_another_kind_throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Value.FromInt(1).AsString());
        Assert.Equal("value is Int, not String", ex.Message);
        Assert.Throws<InvalidOperationException>(() => Value.Null.AsBool());
        Assert.Throws<InvalidOperationException>(() => Value.FromInt8(1).AsTimestamp());
    }

    [Fact]
    public void Bytes_are_copied_on_creation()
    {
        var source = new byte[] { 9, 9 };
        var v = Value.FromBytes(source);
        source[0] = 0;
        Assert.Equal(9, v.AsBytes().Span[0]);
    }

    [Fact]
    public void Equality_is_by_kind_and_content()
    {
        Assert.Equal(Value.FromString("a"), Value.FromString("a"));
        Assert.NotEqual(Value.FromString("a"), Value.FromString("A"));
        Assert.NotEqual(Value.FromInt(1), Value.FromBigInt(1));
        Assert.NotEqual(Value.FromInt(1), Value.FromInt8(1));
        Assert.NotEqual(Value.FromInt8(1), Value.FromTimestamp(1));
        Assert.Equal(Value.FromBytes([1, 2, 3]), Value.FromBytes([1, 2, 3]));
        Assert.NotEqual(Value.FromBytes([1, 2, 3]), Value.FromBytes([1, 2]));
        Assert.Equal(Value.FromBigDecimal(BigDecimal.Parse("2.0")), Value.FromBigDecimal(BigDecimal.Parse("2")));
        Assert.Equal(Value.FromArray([Value.FromInt(1), Value.Null]), Value.FromArray([Value.FromInt(1), Value.Null]));
        Assert.NotEqual(Value.FromArray([Value.FromInt(1)]), Value.FromArray([Value.FromInt(2)]));
        Assert.Equal(Value.FromBytes([4, 5]).GetHashCode(), Value.FromBytes([4, 5]).GetHashCode());
        Assert.Equal(Value.FromArray([Value.FromString("x")]).GetHashCode(), Value.FromArray([Value.FromString("x")]).GetHashCode());
        Assert.False(Value.Null.Equals(null));
    }

    [Theory]
    [MemberData(nameof(Displays))]
    public void ToString_follows_graph_node_display(Value value, string expected)
    {
        Assert.Equal(expected, value.ToString());
    }

    public static TheoryData<Value, string> Displays() => new()
    {
        { Value.FromString("héllo"), "héllo" },
        { Value.FromInt(-42), "-42" },
        { Value.FromInt8(9_000_000_000), "9000000000" },
        { Value.FromBool(true), "true" },
        { Value.Null, "null" },
        { Value.FromBytes([0xde, 0xad, 0xBE, 0xef]), "0xdeadbeef" },
        { Value.FromBytes([]), "0x" },
        { Value.FromBigInt(BigInteger.Parse("-1000000000000000000000")), "-1000000000000000000000" },
        { Value.FromBigDecimal(new BigDecimal(-17, -2)), "-0.17" },
        { Value.FromArray([Value.FromInt(1), Value.FromString("b"), Value.Null]), "[1, b, null]" },
        { Value.FromTimestamp(5), "5" },
    };

    [Fact]
    public void Array_rejects_null_references()
    {
        Assert.Throws<ArgumentException>(() => Value.FromArray([Value.FromInt(1), null!]));
    }
}
