using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Primitives;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Transfer(address,address,uint256)", "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("Approval(address,address,uint256)", "8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    public void Hashes_known_vectors(string input, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(input)));
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(Encoding.UTF8.GetBytes(input))));
        Assert.Equal("0x" + expected, Hash32.Of(input).ToHex());
    }

    [Fact]
    public void Is_keccak_not_nist_sha3()
    {
        // NIST SHA3-256("") = a7ffc6f8bf1ed766…; Ethereum's Keccak-256 differs in padding.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Convert.ToHexStringLower(Keccak256.Hash([])));
    }

    [Fact]
    public void Hashes_input_longer_than_one_block_and_reuses_state_correctly()
    {
        var data = new byte[1000];
        for (var i = 0; i < data.Length; i++) data[i] = (byte)i;

        var first = Keccak256.Hash(data);
        var second = Keccak256.Hash(data);
        Span<byte> third = stackalloc byte[32];
        Keccak256.Hash(data, third);

        Assert.Equal(first, second);
        Assert.Equal(first, third.ToArray());
        Assert.NotEqual(first, Keccak256.Hash(data.AsSpan(0, 999)));
    }
}
