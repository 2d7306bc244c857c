using DePin.Index.Node.Ipfs;

namespace DePin.Index.Node.Tests.Ipfs;

public sealed class CidTests
{
    [Fact]
    public void Parses_and_prints_cidv0()
    {
        var cid = Cid.Parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
        Assert.Equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", cid.ToString());
        Assert.Equal(34, cid.Multihash.Length);
        Assert.Equal(0x12, cid.Multihash[0]);
        Assert.Equal(cid, Cid.FromMultihash(cid.Multihash));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "only CIDv0")]
    [InlineData("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5", "only CIDv0")]
    [InlineData("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff50", "not a base58btc")] // '0' is not base58
    [InlineData("Qm1111111111111111111111111111111111111111111l", "not a base58btc")]
    public void Rejects_what_is_not_cidv0(string text, string problem)
    {
        var e = Assert.Throws<IpfsFormatException>(() => Cid.Parse(text));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.False(Cid.TryParse(text, out _));
    }

    [Fact]
    public void Rejects_a_link_that_is_not_a_sha256_multihash() =>
        Assert.Throws<IpfsFormatException>(() => Cid.FromMultihash([0x11, 0x14, 1, 2, 3]));
}
