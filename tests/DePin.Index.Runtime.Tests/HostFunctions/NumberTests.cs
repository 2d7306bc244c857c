using System.Numerics;
using DePin.Index.Runtime.Tests.Fixtures;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.HostFunctions;

public class NumberTests
{
    [Fact]
    public void BigInt_arithmetic_including_negative_numbers()
    {
        using var h = new Harness("bigint");
        h.Run("handleBigInt");
        var r = h.Result("bigint");
        Assert.Equal(BigInteger.Parse("-123456789012345678901234567890"), r["a"].AsBigInt());
        Assert.Equal(BigInteger.Parse("-121932631124828532112482853211126352690"), r["product"].AsBigInt());
        Assert.Equal(BigInteger.Parse("-124999998873437499901"), r["quotient"].AsBigInt());
        Assert.Equal(new BigInteger(-574845669), r["remainder"].AsBigInt());
        Assert.Equal(new BigInteger(-3), r["shifted"].AsBigInt());
        Assert.Equal(BigInteger.Zero, r["zero"].AsBigInt());
        Assert.Equal(new BigInteger(long.MinValue), r["minI64"].AsBigInt());
        Assert.Equal("0x1000", r["hex"].AsString());
    }

    [Theory]
    [InlineData("handleDivideByZero", "attempted to divide BigInt `42` by zero")]
    [InlineData("handleModuloByZero", "attempted to calculate the remainder of `-42` with a divisor of zero")]
    [InlineData("handleBadBigIntString", "string is not a BigInt: `12a`")]
    [InlineData("handlePowTooBig", "BigInt is too big")]
    public void BigInt_errors_are_deterministic(string handler, string message)
    {
        using var h = new Harness("bigint");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run(handler));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(handler, e.Handler);
        Assert.Equal(1, e.BlockNumber);
        Assert.StartsWith($"handler '{handler}' at block #1: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(h.Store.All("Result"));
    }

    [Fact]
    public void BigDecimal_arithmetic_follows_graph_node()
    {
        using var h = new Harness("bigdecimal");
        h.Run("handleBigDecimal");
        var r = h.Result("bigdecimal");
        Assert.Equal("0.3333333333333333333333333333333333", r["third"].AsBigDecimal().ToString());
        Assert.Equal(BigDecimal.Parse("0.3"), r["sum"].AsBigDecimal());
        Assert.Equal("123456789012345678901234567890.1235", r["big"].AsBigDecimal().ToString());
        Assert.Equal("-0.17", r["manual"].AsBigDecimal().ToString());
    }

    [Theory]
    [InlineData("handleDecimalDivideByZero", "attempted to divide BigDecimal `1.5` by zero")]
    [InlineData("handleBadDecimalString", "is not a BigDecimal: '1.2.3'")]
    [InlineData("handleExponentOutOfRange", "big decimal exponent `7000` is outside the `-6143` to `6144` range")]
    public void BigDecimal_errors_are_deterministic(string handler, string message)
    {
        using var h = new Harness("bigdecimal");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run(handler));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
