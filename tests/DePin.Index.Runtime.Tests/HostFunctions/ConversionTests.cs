using DePin.Index.Runtime.Tests.Fixtures;

namespace DePin.Index.Runtime.Tests.HostFunctions;

public class ConversionTests
{
    [Fact]
    public void Strings_bytes_conversions_and_keccak_match_graph_node()
    {
        using var h = new Harness("strings");
        h.Run("handleStrings");
        var r = h.Result("strings");
        Assert.Equal("héllo wörld ✓ 𝄞", r["utf8"].AsString());
        Assert.Equal("0x" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes("héllo wörld ✓ 𝄞")), r["hex"].AsString());
        Assert.Equal("0xa16081f360e3847006db660bae1c6d1b2e17ec2a", r["address"].ToString());
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", r["keccak"].AsString());
        Assert.Equal("QmZtnFaddFtzGNT8BxdHVbQrhSFdq1pWxud5z4fA4kxfDt", r["base58"].AsString());
        Assert.Equal("aß漢字", r["concat"].AsString());
        Assert.Contains(h.Logs, l => l.Level == MappingLogLevel.Warning && l.Message.Contains("invalid UTF8", StringComparison.Ordinal));
    }
}
