using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;

namespace DePin.Index.Ethereum.Tests.Rlp;

public class RlpStrictnessTests
{
    [Theory]
    [InlineData("", "input is empty")]
    [InlineData("8100", "single byte 0x00 must be encoded as itself")]
    [InlineData("817f", "single byte 0x7f must be encoded as itself")]
    [InlineData("81", "runs past the end")]
    [InlineData("83646f", "runs past the end")]
    [InlineData("b838", "runs past the end")]
    [InlineData("b9", "runs past the end")]
    [InlineData("b900", "runs past the end")]
    [InlineData("b90040" + "00", "leading zero")]
    [InlineData("b800", "leading zero")]
    [InlineData("b81000112233445566778899aabbccddeeff", "long length form")]
    [InlineData("b837" + "00", "long length form")]
    [InlineData("f80100", "long length form")]
    [InlineData("f90003000000", "leading zero")]
    [InlineData("bfffffffffffffffff", "more than 2^31")]
    [InlineData("ffffffffffffffffff", "more than 2^31")]
    [InlineData("bb7fffffff", "runs past the end")]
    [InlineData("c1", "runs past the end")]
    [InlineData("c28361", "runs past the end")]
    [InlineData("c2836162", "runs past the end")]
    [InlineData("c3c28100", "single byte 0x00")] // nested non-canonical is found too
    [InlineData("8000", "1 trailing byte")]
    [InlineData("c0c0", "trailing")]
    [InlineData("0102", "trailing")]
    public void Rejects_non_canonical_or_truncated_input(string hex, string messagePart)
    {
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_form_length_exactly_56_is_accepted()
    {
        var bytes = new byte[56];
        var encoded = RlpEncoder.EncodeBytes(bytes);
        Assert.Equal("0xb838", Hex.Encode(encoded.AsSpan(0, 2)));
        Assert.Equal(56, RlpDecoder.Decode(encoded).Bytes.Length);
    }

    [Fact]
    public void Child_item_may_not_run_past_its_list()
    {
        // The list says 2 bytes of payload; its child claims 3 while the input itself has enough bytes.
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("c2836162" + "63")));
        Assert.Contains("runs past the end", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_limited_instead_of_overflowing_the_stack()
    {
        Assert.NotNull(RlpDecoder.Decode(Nested(RlpDecoder.MaxDepth)));
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Nested(RlpDecoder.MaxDepth + 1)));
        Assert.Contains("nested deeper than 1024", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Nested(5000)));
    }

    /// <summary>A valid encoding of <paramref name="levels"/> lists, each holding the next: [[[...[]...]]].</summary>
    private static byte[] Nested(int levels)
    {
        var encoded = RlpEncoder.EncodeList();
        for (var i = 1; i < levels; i++) encoded = RlpEncoder.EncodeList(encoded);
        return encoded;
    }

    [Fact]
    public void Typed_accessors_reject_the_wrong_shape()
    {
        var list = RlpDecoder.Decode(Hex.Decode("c0"));
        Assert.Contains("expected a byte string, got a list", Assert.Throws<RlpException>(() => list.Bytes).Message, StringComparison.Ordinal);
        var str = RlpDecoder.Decode(Hex.Decode("83646f67"));
        Assert.Contains("expected a list, got a byte string", Assert.Throws<RlpException>(() => str.Items).Message, StringComparison.Ordinal);
        Assert.Contains("leading zero", Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("820001")).ToBigInteger()).Message, StringComparison.Ordinal);
        Assert.Contains("exceeds 8 bytes", Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("89010000000000000000")).ToUInt64()).Message, StringComparison.Ordinal);
        Assert.Contains("an address is 20 bytes, got 3", Assert.Throws<RlpException>(() => str.ToAddress()).Message, StringComparison.Ordinal);
        Assert.Contains("a hash is 32 bytes", Assert.Throws<RlpException>(() => str.ToHash32()).Message, StringComparison.Ordinal);
        Assert.Contains("list of 2 items, got 0", Assert.Throws<RlpException>(() => list.ItemsOfCount(2, "pair")).Message, StringComparison.Ordinal);
        Assert.Null(RlpDecoder.Decode(Hex.Decode("80")).ToOptionalAddress());
    }

    [Fact]
    public void Encoder_rejects_negative_null_and_unknown_values()
    {
        Assert.Contains("negative (at value[1])", Assert.Throws<ArgumentException>(() => RlpEncoder.Encode(new object[] { 1, -1 })).Message, StringComparison.Ordinal);
        Assert.Contains("null (at value[0][0])", Assert.Throws<ArgumentException>(() => RlpEncoder.Encode(new object[] { new object?[] { null } })).Message, StringComparison.Ordinal);
        Assert.Contains("cannot encode a Double", Assert.Throws<ArgumentException>(() => RlpEncoder.Encode(1.5)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeInteger(System.Numerics.BigInteger.MinusOne));
    }
}
