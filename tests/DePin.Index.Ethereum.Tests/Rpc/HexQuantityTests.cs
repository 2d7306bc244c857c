using System.Numerics;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

public sealed class HexQuantityTests
{
    [Theory]
    [InlineData("0x0", 0L)]
    [InlineData("0x1a", 26L)]
    [InlineData("0x00ff", 255L)]
    [InlineData("0xFF", 255L)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("0x00000000000000000000001", 1L)]
    public void Parses_quantities_tolerating_leading_zeros(string text, long expected)
    {
        Assert.Equal(expected, HexQuantity.ParseLong(text));
        Assert.Equal(expected, ReadLong($"\"{text}\""));
        Assert.Equal(new BigInteger(expected), HexQuantity.ParseBigInteger(text));
    }

    [Theory]
    [InlineData("0x", "quantity '0x' has no digits")]
    [InlineData("", "quantity '' does not start with 0x")]
    [InlineData("1a", "quantity '1a' does not start with 0x")]
    [InlineData("0X1a", "quantity '0X1a' does not start with 0x")]
    [InlineData("0x1g", "quantity '0x1g' has a character that is not a hex digit: 'g'")]
    [InlineData("0x-1", "not a hex digit: '-'")]
    [InlineData("0x 1", "not a hex digit: ' '")]
    [InlineData("0x8000000000000000", "does not fit in a signed 64-bit integer")]
    [InlineData("0x10000000000000000", "does not fit in 64 bits")]
    public void Rejects_bad_quantities_with_the_reason(string text, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => HexQuantity.ParseLong(text)).Message, StringComparison.Ordinal);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ReadLong($"\"{text}\"")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Big_quantities_round_trip()
    {
        var max = BigInteger.Pow(2, 256) - 1;
        Assert.Equal("0x" + new string('f', 64), HexQuantity.Format(max));
        Assert.Equal(max, HexQuantity.ParseBigInteger("0x" + new string('f', 64)));
        Assert.Equal(max, HexQuantity.ParseBigInteger("0x000" + new string('f', 64)));
        Assert.Equal(BigInteger.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture), HexQuantity.ParseBigInteger("0x3635c9adc5dea00000"));
        Assert.Equal("0x3635c9adc5dea00000", HexQuantity.Format(BigInteger.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("0x0", HexQuantity.Format(BigInteger.Zero));
        Assert.Equal("0x1", HexQuantity.Format(1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => HexQuantity.Format(-1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => HexQuantity.Format(BigInteger.MinusOne));
        Assert.Contains("not a hex digit", Assert.Throws<FormatException>(() => HexQuantity.ParseBigInteger("0x" + new string('f', 40) + "z")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0x\"", "")]
    [InlineData("\"0x00ff10\"", "00ff10")]
    [InlineData("\"0xABcd\"", "abcd")]
    [InlineData("\"\\u0030x01\"", "01")]
    public void Reads_data(string json, string hex)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.Equal(hex, Convert.ToHexStringLower(RpcJson.ReadData(ref reader)));
    }

    [Theory]
    [InlineData("\"0x123\"", "odd number of digits")]
    [InlineData("\"abcd\"", "does not start with 0x")]
    [InlineData("\"0xzz\"", "not a hex digit")]
    [InlineData("42", "expected hex data, got the number 42")]
    public void Rejects_bad_data(string json, string reason)
    {
        var e = Assert.Throws<FormatException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return RpcJson.ReadData(ref reader);
        });
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0x5fbdb2315678afecb367f032d93f642f64180a\"", "expected an address (20 bytes of hex)")]
    [InlineData("\"5fbdb2315678afecb367f032d93f642f64180aa3\"", "expected an address (20 bytes of hex)")]
    [InlineData("null", "expected an address (20 bytes of hex), got null")]
    public void Rejects_bad_addresses(string json, string reason)
    {
        var e = Assert.Throws<FormatException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return RpcJson.ReadAddress(ref reader);
        });
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_parameters_print_as_json_rpc_writes_them()
    {
        Assert.Equal("latest", BlockParameter.Latest.ToString());
        Assert.Equal("safe", BlockParameter.Safe.ToString());
        Assert.Equal("0x0", BlockParameter.FromNumber(0).ToString());
        Assert.Equal("0x3e8", ((BlockParameter)1000).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockParameter.FromNumber(-1));
        Assert.Equal(BlockParameter.FromNumber(5), (BlockParameter)5);
        Assert.NotEqual(BlockParameter.Latest, BlockParameter.Pending);
    }

    private static long ReadLong(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return RpcJson.ReadLong(ref reader);
    }
}
