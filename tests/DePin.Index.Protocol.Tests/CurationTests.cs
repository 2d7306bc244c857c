using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class CurationTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private static BigInteger Tax(BigInteger tokens) => tokens * Params.CurationTaxPercentage / 1_000_000;

    [Fact]
    public async Task First_signal_mints_one_share_per_token_after_the_burned_tax()
    {
        var id = await PublishAsync();
        var quote = await P.Curation.QuoteSignalAsync(id, Dpi(1000));
        Assert.Equal(Dpi(990), quote.Signal);
        Assert.Equal(Dpi(10), quote.Tax);
        var burned = await P.Token.TotalBurnedAsync();
        var r = await P.Curation.SignalAsync(Curator1, id, Dpi(1000));
        var ev = r.Event("Signalled");
        Assert.Equal(Curator1.Address, ev.Get<Address>("curator"));
        Assert.Equal(Dpi(1000), ev.Get<BigInteger>("tokens"));
        Assert.Equal(Dpi(990), ev.Get<BigInteger>("signal"));
        Assert.Equal(Dpi(10), ev.Get<BigInteger>("tax"));
        Assert.Equal(burned + Dpi(10), await P.Token.TotalBurnedAsync());
        var c = await P.GetCurationAsync(id, Curator1.Address);
        Assert.Equal(new CurationPool(Dpi(990), Dpi(990)), c.Pool);
        Assert.Equal(Dpi(990), c.CuratorSignal);
        Assert.Equal(Dpi(990), c.CuratorValue);
        Assert.Equal(1m, c.Pool.PricePerShare);
        Assert.True(await P.Curation.IsCuratedAsync(id));
    }

    [Fact]
    public async Task Fees_raise_the_price_and_later_curators_buy_at_it()
    {
        var id = await PublishAsync();
        await P.Curation.SignalAsync(Curator1, id, Dpi(1000));
        var fees = await P.Curation.AddFeesAsync(Other, id, Dpi(99));
        Assert.Equal(Dpi(99), fees.Event("CurationFeesAdded").Get<BigInteger>("tokens"));
        var pool = await P.Curation.GetPoolAsync(id);
        Assert.Equal(Dpi(1089), pool.Tokens);
        Assert.Equal(1.1m, pool.PricePerShare);

        var tokens = Dpi(555) + 7;
        var expected = (tokens - Tax(tokens)) * pool.Signal / pool.Tokens;
        Assert.Equal(expected, (await P.Curation.QuoteSignalAsync(id, tokens)).Signal);
        var r = await P.Curation.SignalAsync(Curator2, id, tokens);
        Assert.Equal(expected, r.Event("Signalled").Get<BigInteger>("signal"));

        // unsignal returns signal × poolTokens / poolSignal, no tax
        pool = await P.Curation.GetPoolAsync(id);
        var out1 = Dpi(990) * pool.Tokens / pool.Signal;
        Assert.Equal(out1, await P.Curation.QuoteUnsignalAsync(id, Dpi(990)));
        var before = await BalanceAsync(Curator1);
        var u = await P.Curation.UnsignalAsync(Curator1, id, Dpi(990));
        var ev = u.Event("Unsignalled");
        Assert.Equal(out1, ev.Get<BigInteger>("tokens"));
        Assert.Equal(Dpi(990), ev.Get<BigInteger>("signal"));
        Assert.Equal(before + out1, await BalanceAsync(Curator1));
        Assert.True(out1 > Dpi(1000) - Dpi(10)); // the first curator earned the fees

        // the last curator out takes the whole reserve: nothing is stranded
        await P.Curation.UnsignalAsync(Curator2, id, expected);
        Assert.Equal(new CurationPool(0, 0), await P.Curation.GetPoolAsync(id));
        Assert.Equal(BigInteger.Zero, await P.Token.BalanceOfAsync(P.Curation.Address));
    }

    [Fact]
    public async Task Deprecated_deployments_can_be_unsignalled_but_not_signalled()
    {
        var id = await PublishAsync();
        await P.Curation.SignalAsync(Curator1, id, Dpi(10));
        await P.Registry.DeprecateAsync(Other, id);
        var e = await RevertsAsync(ProtocolErrors.DeploymentIsDeprecated, () => P.Curation.SignalAsync(Curator1, id, Dpi(10)));
        Assert.Equal($"deployment {id.ToCid()} is deprecated", e.Message);
        await P.Curation.UnsignalAsync(Curator1, id, Dpi(9.9m));
    }

    [Fact]
    public async Task Reverts_are_decoded()
    {
        var unknown = new DeploymentId(Hash32.Of("nothing"));
        await RevertsAsync(ProtocolErrors.DeploymentNotFound, () => P.Curation.SignalAsync(Curator1, unknown, Dpi(10)));
        var id = await PublishAsync();
        var min = await RevertsAsync(ProtocolErrors.BelowMinimumDeposit, () => P.Curation.SignalAsync(Curator1, id, Dpi(1) - 1));
        Assert.Equal("deposit too small: 0.999999999999999999 DPI, the minimum is 1 DPI", min.Message);
        var slip = await RevertsAsync(ProtocolErrors.SlippageExceeded, () => P.Curation.SignalAsync(Curator1, id, Dpi(10), Dpi(10)));
        Assert.Equal(Dpi(9.9m), slip.Amount("actual"));
        await RevertsAsync(ProtocolErrors.NotCurated, () => P.Curation.AddFeesAsync(Other, id, 1));
        await P.Curation.SignalAsync(Curator1, id, Dpi(10));
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Curation.AddFeesAsync(Other, id, 0));
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Curation.UnsignalAsync(Curator1, id, 0));
        var held = await RevertsAsync(ProtocolErrors.InsufficientSignal, () => P.Curation.UnsignalAsync(Curator2, id, 1));
        Assert.Equal(BigInteger.Zero, held.Amount("available"));
        await RevertsAsync(ProtocolErrors.SlippageExceeded, () => P.Curation.UnsignalAsync(Curator1, id, Dpi(1), Dpi(2)));
        await RevertsAsync(ProtocolErrors.InsufficientAllowance, () => P.Curation.SignalAsync(Curator2, id, Dpi(10), approve: false));
    }

    [Fact]
    public async Task A_deposit_that_buys_no_signal_is_refused()
    {
        var p = await ProtocolClient.DeployAsync(Chain.Rpc, Chain.Deployer,
            ProtocolParameters.Devnet with { MinimumCurationDeposit = 1, CurationTaxPercentage = 0 }, Chain.BuildDirectory);
        await p.Token.MintAsync(Chain.Deployer, Curator1.Address, Dpi(20));
        var id = new DeploymentId(Hash32.Of("zero signal"));
        await p.Registry.PublishAsync(Curator1, id, "");
        await p.Curation.SignalAsync(Curator1, id, 1);
        await p.Curation.AddFeesAsync(Curator1, id, Dpi(10));
        await RevertsAsync(ProtocolErrors.ZeroSignal, () => p.Curation.SignalAsync(Curator1, id, 1));
    }
}
