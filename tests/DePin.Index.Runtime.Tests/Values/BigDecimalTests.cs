using System.Numerics;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.Values;

public class BigDecimalTests
{
    private static BigDecimal D(string s) => BigDecimal.Parse(s);

    // graph-node scalar/bigdecimal.rs test_normalize (exponent = −scale).
    [Theory]
    [InlineData("10", -2, "1", -1, "0.1")]
    [InlineData("132400", 4, "1324", 6, "1324000000")]
    [InlineData("1900000", -3, "19", 2, "1900")]
    [InlineData("0", 3, "0", 0, "0")]
    [InlineData("0", -5, "0", 0, "0")]
    public void Constructor_normalizes_like_graph_node(string digits, long exp, string nDigits, long nExp, string text)
    {
        var d = new BigDecimal(BigInteger.Parse(digits), exp);
        Assert.Equal(BigInteger.Parse(nDigits), d.Digits);
        Assert.Equal(nExp, d.Exponent);
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("3.14159001", "3.14159001")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("1.5e+3", "1500")]
    [InlineData("-.5", "-0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("+1", "1")]
    [InlineData("1_000", "1000")]
    [InlineData("-0.17", "-0.17")]
    [InlineData("000123.4500", "123.45")]
    [InlineData("-0", "0")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("-100", "-100")]
    public void Parse_and_format_round_trip(string input, string expected)
    {
        Assert.Equal(expected, D(input).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("--1")]
    [InlineData("-+1")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("0x10")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("_1")]
    [InlineData(".")]
    [InlineData("NaN")]
    [InlineData("1e99999999999999999999")]
    public void Parse_rejects_malformed_text(string input)
    {
        Assert.False(BigDecimal.TryParse(input, out _));
        Assert.Throws<FormatException>(() => BigDecimal.Parse(input));
    }

    [Theory]
    // 35 digits, positive: rounded half-up to 34.
    [InlineData("12345678901234567890123456789012345", "12345678901234567890123456789012350")]
    [InlineData("123456789012345678901234567890123456", "123456789012345678901234567890123500")]
    [InlineData("12345678901234567890123456789012344", "12345678901234567890123456789012340")]
    // carry through all nines.
    [InlineData("99999999999999999999999999999999995", "100000000000000000000000000000000000")]
    // negative: the digit count is under-estimated and the excess is truncated, never rounded.
    [InlineData("-12345678901234567890123456789012345", "-12345678901234567890123456789012345")]
    [InlineData("-123456789012345678901234567890123456", "-123456789012345678901234567890123450")]
    // fractional precision loss.
    [InlineData("1.00000000000000000000000000000000000000001", "1")]
    public void Precision_is_limited_to_34_digits_with_graph_node_rounding(string input, string expected)
    {
        Assert.Equal(expected, D(input).ToString());
    }

    [Theory]
    [InlineData("1", "3", "0.3333333333333333333333333333333333")]
    [InlineData("2", "3", "0.6666666666666666666666666666666667")]
    [InlineData("-2", "3", "-0.66666666666666666666666666666666666")]
    [InlineData("2", "-3", "-0.66666666666666666666666666666666666")]
    [InlineData("-2", "-3", "0.6666666666666666666666666666666667")]
    [InlineData("-1", "3", "-0.33333333333333333333333333333333333")]
    [InlineData("10", "4", "2.5")]
    [InlineData("1", "8", "0.125")]
    [InlineData("7.5", "1", "7.5")]
    [InlineData("7.5", "1.000", "7.5")]
    [InlineData("0", "7", "0")]
    [InlineData("123.456", "123.456", "1")]
    [InlineData("1", "0.001", "1000")]
    public void Division_matches_graph_node(string a, string b, string expected)
    {
        Assert.Equal(expected, (D(a) / D(b)).ToString());
    }

    [Fact]
    public void Division_by_zero_throws()
    {
        var ex = Assert.Throws<DivideByZeroException>(() => D("1.5") / BigDecimal.Zero);
        Assert.Contains("1.5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1", "0.2", "0.3", "-0.1", "0.02")]
    [InlineData("1", "1", "2", "0", "1")]
    [InlineData("-5.5", "2", "-3.5", "-7.5", "-11")]
    [InlineData("1e-40", "1", "1", "-0.9999999999999999999999999999999999", "0.0000000000000000000000000000000000000001")]
    [InlineData("100000000000000000001", "100000000000000000001", "200000000000000000002", "0", "10000000000000000000200000000000000000000")]
    public void Add_subtract_multiply(string a, string b, string sum, string difference, string product)
    {
        Assert.Equal(sum, (D(a) + D(b)).ToString());
        Assert.Equal(difference, (D(a) - D(b)).ToString());
        Assert.Equal(product, (D(a) * D(b)).ToString());
    }

    [Fact]
    public void Equality_and_ordering_are_numeric()
    {
        Assert.Equal(D("1.0"), D("1"));
        Assert.Equal(D("1.0").GetHashCode(), D("1").GetHashCode());
        Assert.Equal(BigDecimal.Zero, D("0.000"));
        Assert.NotEqual(D("1.01"), D("1.1"));
        Assert.True(D("-2") < D("-1.5"));
        Assert.True(D("0.1") > D("0.09"));
        Assert.Equal(0, D("2.50").CompareTo(D("2.5")));
        var sorted = new[] { D("3"), D("-1"), D("0.5"), D("0") }.Order().Select(d => d.ToString());
        Assert.Equal(["-1", "0", "0.5", "3"], sorted);
    }

    [Fact]
    public void Default_is_zero_and_negation_and_truncation_work()
    {
        Assert.Equal("0", default(BigDecimal).ToString());
        Assert.Equal(0, default(BigDecimal).Sign);
        Assert.Equal("-2.5", (-D("2.5")).ToString());
        Assert.Equal(new BigInteger(-2), D("-2.9").Truncate());
        Assert.Equal(new BigInteger(1200), D("12e2").Truncate());
        Assert.True(D("12e2").IsInteger);
        Assert.False(D("1.2").IsInteger);
        Assert.Equal(D("42"), BigDecimal.FromInt64(42));
        Assert.Equal(D("-7"), BigDecimal.FromBigInteger(-7));
    }
}
