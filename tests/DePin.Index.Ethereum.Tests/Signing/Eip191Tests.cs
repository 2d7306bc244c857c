using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Tests.Signing;

public class Eip191Tests
{
    [Fact]
    public void Hash_is_keccak_of_prefix_length_and_message()
    {
        // Built independently of the implementation's prefix constant: byte 0x19, then the ASCII text.
        var expected = new List<byte> { 0x19 };
        expected.AddRange(Encoding.ASCII.GetBytes("Ethereum Signed Message:\n5hello"));
        Assert.Equal(Hash32.Of(expected.ToArray()), Eip191.PersonalMessageHash("hello"));
        Assert.Equal(Eip191.PersonalMessageHash("hello"u8), Eip191.PersonalMessageHash("hello"));
    }

    [Fact]
    public void Length_is_decimal_byte_count_of_the_utf8_message()
    {
        var message = new string('é', 6); // 12 UTF-8 bytes
        var expected = new List<byte> { 0x19 };
        expected.AddRange(Encoding.ASCII.GetBytes("Ethereum Signed Message:\n12"));
        expected.AddRange(Encoding.UTF8.GetBytes(message));
        Assert.Equal(Hash32.Of(expected.ToArray()), Eip191.PersonalMessageHash(message));
    }

    [Fact]
    public void Personal_sign_of_hello_matches_anvil_key_0()
    {
        // Returned by anvil 1.7.1 for personal_sign("0x68656c6c6f") with its default account #0.
        const string anvil = "0xf16ea9a3478698f695fd1401bfe27e9e4a7e8e3da94aa72b021125e31fa899cc573c48ea3fe1d4ab61a9db10c19032026e3ed2dbccba5a178235ac27f94504311c";
        var key = EthKey.FromHex(EthKeyTests.AnvilKey0);
        var sig = Eip191.SignPersonal(key, "hello"u8);
        Assert.Equal(anvil, sig.ToHex());
        Assert.Equal(key.Address, Eip191.RecoverPersonal("hello"u8, EthSignature.Parse(anvil)));
        Assert.Equal(sig, Eip191.SignPersonal(key, "hello"));
    }

    [Fact]
    public void Empty_message_is_allowed()
    {
        var key = EthKey.FromSeed("empty"u8);
        var sig = Eip191.SignPersonal(key, ReadOnlySpan<byte>.Empty);
        Assert.Equal(key.Address, Eip191.RecoverPersonal([], sig));
    }
}
