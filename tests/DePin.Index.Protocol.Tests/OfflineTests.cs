using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol.Tests;

/// <summary>Pure logic: amounts, deployment ids, the fee split formula.</summary>
public sealed class OfflineTests
{
    [Theory]
    [InlineData("100000", "100000000000000000000000")]
    [InlineData("0.5", "500000000000000000")]
    [InlineData("1_000.000000000000000001", "1000000000000000000001")]
    [InlineData(".25", "250000000000000000")]
    [InlineData("0", "0")]
    public void Token_amounts_parse_exactly(string text, string wei)
    {
        var parsed = TokenAmount.Parse(text);
        Assert.Equal(BigInteger.Parse(wei, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(parsed, TokenAmount.Parse(TokenAmount.Format(parsed)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0000000000000000001")]
    [InlineData("-1")]
    [InlineData("1e18")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    public void Bad_token_amounts_are_refused(string text) => Assert.Throws<FormatException>(() => TokenAmount.Parse(text));

    [Fact]
    public void Token_amounts_format_without_trailing_zeros()
    {
        Assert.Equal("100000", TokenAmount.Format(TokenAmount.Tokens(100_000)));
        Assert.Equal("0.000000000000000001", TokenAmount.Format(1));
        Assert.Equal("-1.5 DPI", TokenAmount.FormatWithSymbol(-TokenAmount.Parse("1.5")));
    }

    [Fact]
    public void Deployment_ids_convert_between_cid_and_bytes32()
    {
        // the CIDv0 of sha256 digest 0x4d…: as graph-node prints deployment ids
        var id = DeploymentId.Parse("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H9");
        Assert.Equal("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H9", id.ToCid());
        Assert.Equal(id, DeploymentId.Parse(id.ToHex()));
        var zero = new DeploymentId(Hash32.Zero);
        Assert.Equal(zero, DeploymentId.Parse(zero.ToCid()));
        Assert.Equal(46, zero.ToCid().Length);
    }

    [Theory]
    [InlineData("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H")]
    [InlineData("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H0")]
    [InlineData("0x1234")]
    [InlineData("deployment")]
    [InlineData("zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA")]
    public void Bad_deployment_ids_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => DeploymentId.Parse(text));
        Assert.False(DeploymentId.TryParse(text, out _));
    }

    [Fact]
    public void Fee_split_formula_sums_to_the_amount_and_rounds_down_each_step()
    {
        var s = FeeSplit.Compute(1_000_001, 10_000, 100_000, curated: true, queryFeeCut: 333_333, hasDelegators: true);
        Assert.Equal(10_000, s.ProtocolTax);              // 1,000,001 × 1 % rounded down
        Assert.Equal(99_000, s.CurationFees);             // 990,001 × 10 %
        Assert.Equal(297_000, s.IndexerFees);             // 891,001 × 33.3333 %
        Assert.Equal(891_001 - 297_000, s.DelegatorFees);
        Assert.Equal(s.Amount, s.ProtocolTax + s.CurationFees + s.IndexerFees + s.DelegatorFees);
        var solo = FeeSplit.Compute(1_000_001, 10_000, 100_000, curated: false, queryFeeCut: 0, hasDelegators: false);
        Assert.Equal(0, solo.CurationFees);
        Assert.Equal(990_001, solo.IndexerFees);
        Assert.Equal(0, solo.DelegatorFees);
    }
}
