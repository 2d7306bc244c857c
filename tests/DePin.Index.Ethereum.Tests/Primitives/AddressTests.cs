using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Primitives;

public class AddressTests
{
    // The test vectors of EIP-55.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Prints_the_eip55_checksum(string checksummed)
    {
        var fromLower = Address.Parse(checksummed.ToLowerInvariant());

        Assert.Equal(checksummed, fromLower.ToChecksumString());
        Assert.Equal(fromLower, Address.Parse(checksummed));
        Assert.Equal(checksummed.ToLowerInvariant(), fromLower.ToHex());
    }

    [Fact]
    public void Rejects_mixed_case_with_a_wrong_checksum()
    {
        var e = Assert.Throws<FormatException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

        Assert.Contains("EIP-55", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("")]
    public void Rejects_text_that_is_not_an_address(string text)
    {
        Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Round_trips_bytes_and_orders_by_value()
    {
        var bytes = Convert.FromHexString("00000000000000000000000000000000000000ff");
        var a = new Address(bytes);

        Assert.Equal(bytes, a.ToArray());
        Assert.True(Address.Zero < a);
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));
    }
}
