using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Tests.Signing;

public class EthKeyTests
{
    internal const string AnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Theory]
    [InlineData(AnvilKey0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000002", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")]
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    public void Address_of_known_keys(string privateKey, string expected)
    {
        var key = EthKey.FromHex(privateKey);
        Assert.Equal(expected, key.Address.ToChecksumString());
    }

    [Fact]
    public void Public_key_is_uncompressed_and_maps_to_the_address()
    {
        var key = EthKey.FromHex(AnvilKey0);
        var pub = key.GetPublicKey();
        Assert.Equal(65, pub.Length);
        Assert.Equal(0x04, pub[0]);
        Assert.Equal(key.Address, EthKey.AddressOf(pub));
        Assert.Equal(key.Address, EthKey.AddressOf(pub.AsSpan(1)));
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (pub[64] & 1));
        pub.AsSpan(1, 32).CopyTo(compressed.AsSpan(1));
        Assert.Equal(key.Address, EthKey.AddressOf(compressed));
    }

    [Fact]
    public void Export_round_trips_and_ToString_hides_the_secret()
    {
        var key = EthKey.FromHex(AnvilKey0);
        Assert.Equal(AnvilKey0, Hex.Encode(key.ExportPrivateKey()));
        Assert.DoesNotContain("ac0974", key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.Address.ToChecksumString(), key.ToString(), StringComparison.Ordinal);
        var small = EthKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal(32, small.ExportPrivateKey().Length);
        Assert.Equal(1, small.ExportPrivateKey()[31]);
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "[1, n-1]")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "[1, n-1]")] // n
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "[1, n-1]")]
    [InlineData("0x1234", "64 hex digits")]
    [InlineData("0xzz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "64 hex digits")]
    public void Rejects_invalid_private_keys(string hex, string expectedMessagePart)
    {
        var ex = Assert.Throws<SignatureException>(() => EthKey.FromHex(hex));
        Assert.Contains(expectedMessagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Largest_valid_key_n_minus_1_is_accepted()
    {
        var key = EthKey.FromHex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        var digest = Hash32.Of("x");
        Assert.Equal(key.Address, EcRecover.Recover(digest, key.Sign(digest)));
    }

    [Fact]
    public void Rejects_wrong_length_raw_key()
    {
        var ex = Assert.Throws<SignatureException>(() => EthKey.FromPrivateKey(new byte[31]));
        Assert.Contains("32 bytes, got 31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSeed_is_keccak_of_the_seed_and_deterministic()
    {
        var seed = "cow"u8;
        var key = EthKey.FromSeed(seed);
        Assert.Equal(Keccak256.Hash(seed.ToArray()), key.ExportPrivateKey());
        Assert.Equal(key.Address, EthKey.FromSeed("cow"u8).Address);
        Assert.NotEqual(key.Address, EthKey.FromSeed("cow2"u8).Address);
    }

    [Fact]
    public void Generate_gives_distinct_working_keys()
    {
        var a = EthKey.Generate();
        var b = EthKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        var digest = Hash32.Of("generated");
        Assert.Equal(a.Address, EcRecover.Recover(digest, a.Sign(digest)));
    }

    [Fact]
    public void AddressOf_rejects_bad_public_keys()
    {
        Assert.Contains("65, 64 or 33", Assert.Throws<SignatureException>(() => EthKey.AddressOf(new byte[40])).Message, StringComparison.Ordinal);
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[32] = 5;
        offCurve[64] = 1;
        Assert.Contains("not a point", Assert.Throws<SignatureException>(() => EthKey.AddressOf(offCurve)).Message, StringComparison.Ordinal);
    }
}
