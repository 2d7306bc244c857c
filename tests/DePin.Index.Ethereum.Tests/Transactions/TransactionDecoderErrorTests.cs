using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Transactions;

namespace DePin.Index.Ethereum.Tests.Transactions;

public class TransactionDecoderErrorTests
{
    private const string Eip155Raw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0x", "empty")]
    [InlineData("0x03f0", "type 0x03 is not supported")]
    [InlineData("0x04f0", "type 0x04 is not supported")]
    [InlineData("0x05c0", "unknown transaction type 0x05")]
    [InlineData("0x00c0", "unknown transaction type 0x00")]
    [InlineData("0x8180", "neither an RLP list")]
    [InlineData("0xc0", "list of 9 items, got 0")]
    [InlineData("0x02c0", "list of 12 items, got 0")]
    [InlineData("0x01c0", "list of 11 items, got 0")]
    [InlineData("0x0280", "must be an RLP list")]
    [InlineData("0x02", "input is empty")]
    [InlineData("0xzz", "not hexadecimal")]
    public void Rejects_malformed_envelopes(string hex, string messagePart)
    {
        var ex = Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(hex));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_truncated_and_trailing_bytes()
    {
        var raw = Hex.Decode(Eip155Raw);
        var truncated = Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(raw.AsSpan(0, raw.Length - 1)));
        Assert.IsType<RlpException>(truncated.InnerException);
        var trailing = Assert.Throws<TransactionException>(() => TransactionDecoder.Decode([.. raw, 0x00]));
        Assert.Contains("trailing", trailing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "v must be 27, 28 or at least 35")]
    [InlineData(29, "v must be 27, 28 or at least 35")]
    [InlineData(34, "v must be 27, 28 or at least 35")]
    public void Rejects_bad_legacy_v(int v, string messagePart)
    {
        var ex = Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(Legacy(v: v)));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bad_signature_values()
    {
        Assert.Contains("r must not be zero", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(Legacy(r: 0))).Message, StringComparison.Ordinal);
        Assert.Contains("s must be below", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(Legacy(s: N))).Message, StringComparison.Ordinal);
        Assert.Contains("x coordinate", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(Legacy(r: 5))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void High_s_is_rejected_unless_allowed()
    {
        var original = TransactionDecoder.Decode(Eip155Raw);
        var highS = Legacy(v: 38, s: N - original.Signature.SValue); // flipping s flips the recovery id
        var ex = Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(highS));
        Assert.Contains("above n/2", ex.Message, StringComparison.Ordinal);
        var allowed = TransactionDecoder.Decode(highS, allowHighS: true);
        Assert.Equal(original.Sender, allowed.Sender);
        Assert.False(allowed.Signature.IsLowS);
    }

    [Fact]
    public void Rejects_non_canonical_fields()
    {
        // nonce 9 written with a leading zero byte: 0x820009
        var fields = LegacyFields();
        fields[0] = RlpEncoder.EncodeBytes([0x00, 0x09]);
        Assert.Contains("leading zero", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(RlpEncoder.EncodeList(fields))).Message, StringComparison.Ordinal);
        fields = LegacyFields();
        fields[3] = RlpEncoder.EncodeBytes(new byte[19]);
        Assert.Contains("address is 20 bytes, got 19", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(RlpEncoder.EncodeList(fields))).Message, StringComparison.Ordinal);
        fields = LegacyFields();
        fields[1] = RlpEncoder.EncodeBytes(new byte[33].Select(_ => (byte)1).ToArray());
        Assert.Contains("exceeds 32 bytes", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode(RlpEncoder.EncodeList(fields))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bad_typed_fields()
    {
        var key = EthKey.FromSeed("typed"u8);
        var signed = new Eip1559Transaction { ChainId = 1, MaxFeePerGas = 10, GasLimit = 21000, To = Address.Zero }.Sign(key);
        var items = RlpDecoder.Decode(signed.Raw[1..]).Items.Select(i => i.Encoded.ToArray()).ToArray();
        items[9] = RlpEncoder.EncodeInteger(2UL);
        Assert.Contains("yParity must be 0 or 1", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode([0x02, .. RlpEncoder.EncodeList(items)])).Message, StringComparison.Ordinal);
        items = RlpDecoder.Decode(signed.Raw[1..]).Items.Select(i => i.Encoded.ToArray()).ToArray();
        items[8] = RlpEncoder.Encode(new object[] { new object[] { new byte[20] } });
        Assert.Contains("access list entry must be a list of 2", Assert.Throws<TransactionException>(() => TransactionDecoder.Decode([0x02, .. RlpEncoder.EncodeList(items)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_rejects_out_of_range_fields()
    {
        var key = EthKey.FromSeed("range"u8);
        Assert.Contains("value must not be negative", Assert.Throws<TransactionException>(() => new LegacyTransaction { Value = -1 }.Sign(key)).Message, StringComparison.Ordinal);
        Assert.Contains("gasPrice does not fit in 256 bits", Assert.Throws<TransactionException>(() => new LegacyTransaction { GasPrice = BigInteger.One << 256 }.Sign(key)).Message, StringComparison.Ordinal);
        Assert.Contains("exceeds maxFeePerGas", Assert.Throws<TransactionException>(() => new Eip1559Transaction { ChainId = 1, MaxPriorityFeePerGas = 2, MaxFeePerGas = 1 }.Sign(key)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new LegacyTransaction().Sign(null!));
    }

    private static byte[][] LegacyFields() =>
        RlpDecoder.Decode(Hex.Decode(Eip155Raw)).Items.Select(i => i.Encoded.ToArray()).ToArray();

    /// <summary>The EIP-155 example with v, r or s replaced.</summary>
    private static byte[] Legacy(BigInteger? v = null, BigInteger? r = null, BigInteger? s = null)
    {
        var fields = LegacyFields();
        if (v is { } vv) fields[6] = RlpEncoder.EncodeInteger(vv);
        if (r is { } rr) fields[7] = RlpEncoder.EncodeInteger(rr);
        if (s is { } ss) fields[8] = RlpEncoder.EncodeInteger(ss);
        return RlpEncoder.EncodeList(fields);
    }
}
