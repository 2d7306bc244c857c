using System.Collections.Concurrent;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Tests.Signing;

public class SignAndRecoverTests
{
    private static readonly BigInteger N = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Eip155_example_signature_is_reproduced_exactly()
    {
        // EIP-155's worked example: private key 0x4646…46 signs hash 0xdaf5…8e53 with r, s below and v = 37 (recId 0).
        var key = EthKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var sig = key.Sign(Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
        Assert.Equal("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", Hex.Encode(sig.R));
        Assert.Equal("0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", Hex.Encode(sig.S));
        Assert.Equal(0, sig.RecoveryId);
        Assert.True(sig.IsLowS);
    }

    [Fact]
    public void Sign_is_deterministic_and_recovers_the_signer()
    {
        var key = EthKey.FromHex(EthKeyTests.AnvilKey0);
        var digest = Hash32.Of("deterministic");
        var a = key.Sign(digest);
        var b = key.Sign(digest);
        Assert.Equal(a, b);
        Assert.Equal(key.Address, EcRecover.Recover(digest, a));
        Assert.Equal(key.GetPublicKey(), EcRecover.RecoverPublicKey(digest, a));
    }

    [Fact]
    public void Round_trip_property_over_fixed_seeds()
    {
        var rng = new Random(1234);
        var recIds = new int[2];
        for (var i = 0; i < 200; i++)
        {
            var seed = new byte[16];
            rng.NextBytes(seed);
            var key = EthKey.FromSeed(seed);
            var msg = new byte[rng.Next(0, 100)];
            rng.NextBytes(msg);
            var digest = Hash32.Of(msg);
            var sig = key.Sign(digest);
            Assert.True(sig.IsLowS);
            recIds[sig.RecoveryId]++;
            Assert.Equal(key.Address, EcRecover.Recover(digest, sig));
            var parsed = EthSignature.FromBytes65(sig.ToBytes65());
            Assert.Equal(sig, parsed);
            // Any other digest recovers some other address.
            var other = Hash32.Of([.. msg, 1]);
            Assert.True(!EcRecover.TryRecover(other, sig, out var wrong) || wrong != key.Address);
        }
        Assert.True(recIds[0] > 50 && recIds[1] > 50, $"recovery ids should both occur: {recIds[0]}/{recIds[1]}");
    }

    [Fact]
    public void High_s_is_recovered_but_flagged()
    {
        var key = EthKey.FromSeed("high-s"u8);
        var digest = Hash32.Of("message");
        var low = key.Sign(digest);
        var high = EthSignature.FromComponents(low.RValue, N - low.SValue, low.RecoveryId ^ 1);
        Assert.False(high.IsLowS);
        Assert.Equal(key.Address, EcRecover.Recover(digest, high));
        Assert.Equal(low, high.ToLowS());
        Assert.Same(low, low.ToLowS());
    }

    [Fact]
    public void Bytes65_form_uses_v_27_28_and_parse_accepts_0_1_27_28()
    {
        var key = EthKey.FromHex(EthKeyTests.AnvilKey0);
        var sig = key.Sign(Hash32.Of("v"));
        var bytes = sig.ToBytes65();
        Assert.Equal(27 + sig.RecoveryId, bytes[64]);
        Assert.Equal(sig.V, bytes[64]);
        bytes[64] = (byte)sig.RecoveryId;
        Assert.Equal(sig, EthSignature.FromBytes65(bytes));
        Assert.Equal(sig, EthSignature.Parse(sig.ToHex()));
        Assert.Equal(sig.ToHex(), sig.ToString());
    }

    [Theory]
    [InlineData(64, "65 bytes")]
    [InlineData(66, "65 bytes")]
    [InlineData(0, "65 bytes")]
    public void Rejects_wrong_signature_lengths(int length, string messagePart)
    {
        var ex = Assert.Throws<SignatureException>(() => EthSignature.FromBytes65(new byte[length]));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void Rejects_bad_v(byte v)
    {
        var bytes = EthKey.FromSeed("v"u8).Sign(Hash32.Of("v")).ToBytes65();
        bytes[64] = v;
        var ex = Assert.Throws<SignatureException>(() => EthSignature.FromBytes65(bytes));
        Assert.Contains($"got {v}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "1", "r must not be zero")]
    [InlineData("1", "0", "s must not be zero")]
    [InlineData("n", "1", "r must be below")]
    [InlineData("1", "n", "s must be below")]
    [InlineData("1", "n+1", "s must be below")]
    [InlineData("2^256-1", "1", "r must be below")]
    public void Rejects_r_or_s_out_of_range(string r, string s, string messagePart)
    {
        var rBytes = To32(Eval(r));
        var sBytes = To32(Eval(s));
        var ex = Assert.Throws<SignatureException>(() => new EthSignature(rBytes, sBytes, 0));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
        var sig65 = new byte[65];
        rBytes.CopyTo(sig65, 0);
        sBytes.CopyTo(sig65, 32);
        Assert.Throws<SignatureException>(() => EthSignature.FromBytes65(sig65));
        Assert.Throws<SignatureException>(() => EthSignature.FromComponents(Eval(r), Eval(s), 1));
    }

    [Fact]
    public void Rejects_negative_components_wrong_lengths_and_recovery_ids()
    {
        Assert.Throws<SignatureException>(() => EthSignature.FromComponents(-1, 1, 0));
        Assert.Contains("recovery id", Assert.Throws<SignatureException>(() => EthSignature.FromComponents(1, 1, 2)).Message, StringComparison.Ordinal);
        Assert.Contains("r must be 32 bytes", Assert.Throws<SignatureException>(() => new EthSignature(new byte[31], new byte[32], 0)).Message, StringComparison.Ordinal);
        Assert.Contains("not a 65-byte hex", Assert.Throws<SignatureException>(() => EthSignature.Parse("0x1234")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_fails_clearly_when_r_is_not_an_x_coordinate()
    {
        // x = 5: 5³ + 7 = 132 is not a square mod p, so no curve point has x = 5.
        var sig = EthSignature.FromComponents(5, 1, 0);
        var ex = Assert.Throws<SignatureException>(() => EcRecover.Recover(Hash32.Of("x"), sig));
        Assert.Contains("x coordinate", ex.Message, StringComparison.Ordinal);
        Assert.False(EcRecover.TryRecover(Hash32.Of("x"), sig, out _));
    }

    [Fact]
    public void Signing_and_recovery_are_thread_safe()
    {
        var keys = Enumerable.Range(0, 16).Select(i => EthKey.FromSeed(BitConverter.GetBytes(i))).ToArray();
        var digests = Enumerable.Range(0, 64).Select(i => Hash32.Of($"msg {i}")).ToArray();
        var expected = new Dictionary<(int, int), EthSignature>();
        for (var k = 0; k < keys.Length; k++)
            for (var d = 0; d < digests.Length; d += 8) expected[(k, d)] = keys[k].Sign(digests[d]);
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(expected, new ParallelOptions { MaxDegreeOfParallelism = 4 }, pair =>
        {
            var (k, d) = pair.Key;
            var sig = keys[k].Sign(digests[d]);
            if (!sig.Equals(pair.Value)) failures.Add($"signature differs for key {k} digest {d}");
            if (EcRecover.Recover(digests[d], sig) != keys[k].Address) failures.Add($"recovery differs for key {k} digest {d}");
        });
        Assert.Empty(failures);
    }

    private static BigInteger Eval(string expr) => expr switch
    {
        "n" => N,
        "n+1" => N + 1,
        "2^256-1" => BigInteger.Pow(2, 256) - 1,
        _ => BigInteger.Parse(expr, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static byte[] To32(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var b = new byte[32];
        raw.CopyTo(b, 32 - raw.Length);
        return b;
    }
}
