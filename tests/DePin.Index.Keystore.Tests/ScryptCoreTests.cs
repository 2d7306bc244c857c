using System.Text;
using DePin.Index.Keystore.Internal;
using Org.BouncyCastle.Crypto.Generators;

namespace DePin.Index.Keystore.Tests;

/// <summary>Our scrypt (used only beyond RFC 7914's n bound) against RFC 7914's vectors and BouncyCastle's SCrypt.</summary>
public class ScryptCoreTests
{
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void Rfc7914_vectors(string passphrase, string salt, int n, int r, int p, string expected)
    {
        var dk = ScryptCore.Generate(Encoding.UTF8.GetBytes(passphrase), Encoding.UTF8.GetBytes(salt), n, r, p, 64);
        Assert.Equal(expected, Convert.ToHexStringLower(dk));
    }

    [Theory]
    [InlineData(2, 1, 1, 32)]
    [InlineData(1024, 1, 3, 32)]
    [InlineData(256, 4, 2, 48)]
    [InlineData(4096, 8, 1, 32)]
    public void Equals_bouncycastle_where_both_apply(int n, int r, int p, int dkLen)
    {
        var random = new Random(n * 31 + r * 7 + p);
        var passphrase = new byte[random.Next(0, 40)];
        var salt = new byte[32];
        random.NextBytes(passphrase);
        random.NextBytes(salt);
        Assert.Equal(SCrypt.Generate(passphrase, salt, n, r, p, dkLen), ScryptCore.Generate(passphrase, salt, n, r, p, dkLen));
    }
}
