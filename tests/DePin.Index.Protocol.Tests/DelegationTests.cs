using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class DelegationTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private static BigInteger Tax(BigInteger tokens) => tokens * Params.DelegationTaxPercentage / 1_000_000;

    [Fact]
    public async Task First_delegation_buys_shares_one_to_one_after_the_burned_tax()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var burned = await P.Token.TotalBurnedAsync();
        var r = await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(1000));
        var ev = r.Event("StakeDelegated");
        Assert.Equal(Indexer1.Address, ev.Get<Address>("indexer"));
        Assert.Equal(Delegator1.Address, ev.Get<Address>("delegator"));
        Assert.Equal(Dpi(1000), ev.Get<BigInteger>("tokens"));
        Assert.Equal(Dpi(5), ev.Get<BigInteger>("tax"));
        Assert.Equal(Dpi(995), ev.Get<BigInteger>("shares"));
        Assert.Equal(burned + Dpi(5), await P.Token.TotalBurnedAsync());

        var d = await P.GetDelegationAsync(Indexer1.Address, Delegator1.Address);
        Assert.Equal(Dpi(995), d.Shares);
        Assert.Equal(Dpi(995), d.Value);
        Assert.Equal(new DelegationPool(Dpi(995), Dpi(995)), d.Pool);
    }

    [Fact]
    public async Task Later_delegations_buy_shares_at_the_pool_price_and_fees_raise_it_pro_rata()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(1000));
        await P.Staking.AddDelegationFeesAsync(Other, Indexer1.Address, Dpi(333));
        var pool = await P.Staking.GetDelegationPoolAsync(Indexer1.Address);
        Assert.Equal(Dpi(995 + 333), pool.Tokens);

        var tokens = Dpi(777) + 12345;
        var net = tokens - Tax(tokens);
        var expected = net * pool.Shares / pool.Tokens;
        var r = await P.Staking.DelegateAsync(Delegator2, Indexer1.Address, tokens);
        Assert.Equal(expected, r.Event("StakeDelegated").Get<BigInteger>("shares"));

        await P.Staking.AddDelegationFeesAsync(Other, Indexer1.Address, Dpi(100));
        var after = await P.Staking.GetDelegationPoolAsync(Indexer1.Address);
        var d1 = await P.GetDelegationAsync(Indexer1.Address, Delegator1.Address);
        var d2 = await P.GetDelegationAsync(Indexer1.Address, Delegator2.Address);
        Assert.Equal(Dpi(995) * after.Tokens / after.Shares, d1.Value);
        Assert.Equal(d1.Value, await P.Staking.SharesToTokensAsync(Indexer1.Address, Dpi(995)));
        Assert.Equal(BigInteger.Zero, await P.Staking.SharesToTokensAsync(Indexer2.Address, Dpi(995)));
        Assert.Equal(expected * after.Tokens / after.Shares, d2.Value);
        Assert.True(d1.Value + d2.Value <= after.Tokens);
    }

    [Fact]
    public async Task Undelegate_unbonds_for_the_period_in_epochs_then_withdraws()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(1000));
        await P.Staking.AddDelegationFeesAsync(Other, Indexer1.Address, Dpi(10));
        var pool = await P.Staking.GetDelegationPoolAsync(Indexer1.Address);
        var shares = Dpi(400);
        var r = await P.Staking.UndelegateAsync(Delegator1, Indexer1.Address, shares);
        var ev = r.Event("StakeDelegatedLocked");
        var tokens = shares * pool.Tokens / pool.Shares;
        Assert.Equal(tokens, ev.Get<BigInteger>("tokens"));
        Assert.Equal(shares, ev.Get<BigInteger>("shares"));
        var epoch = await P.Epochs.CurrentEpochAsync();
        Assert.Equal(epoch + Params.DelegationUnbondingPeriod, (long)ev.Get<BigInteger>("untilEpoch"));
        Assert.Equal(pool.Tokens - tokens, (await P.Staking.GetDelegationPoolAsync(Indexer1.Address)).Tokens);

        var locked = await RevertsAsync(ProtocolErrors.DelegationLocked, () => P.Staking.WithdrawDelegatedAsync(Delegator1, Indexer1.Address));
        Assert.Equal($"still unbonding until epoch {epoch + Params.DelegationUnbondingPeriod} (now epoch {epoch})", locked.Message);
        for (var i = 0; i < Params.DelegationUnbondingPeriod; i++) await MineToNextEpochAsync();
        var before = await BalanceAsync(Delegator1);
        var w = await P.Staking.WithdrawDelegatedAsync(Delegator1, Indexer1.Address);
        Assert.Equal(tokens, w.Event("StakeDelegatedWithdrawn").Get<BigInteger>("tokens"));
        Assert.Equal(before + tokens, await BalanceAsync(Delegator1));
        await RevertsAsync(ProtocolErrors.NothingToWithdraw, () => P.Staking.WithdrawDelegatedAsync(Delegator1, Indexer1.Address));
    }

    [Fact]
    public async Task Delegation_counts_as_capacity_up_to_the_ratio()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(1_000_000));
        var info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.Equal(Dpi(995_000), info.DelegatedCapacity);
        Assert.Equal(MinStake + Dpi(995_000), info.AvailableStake);
        await P.Staking.DelegateAsync(Delegator2, Indexer1.Address, Dpi(1_000_000));
        info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.Equal(MinStake * Params.DelegationRatio, info.DelegatedCapacity);
        Assert.Equal(MinStake * (1 + Params.DelegationRatio), info.AvailableStake);
    }

    [Fact]
    public async Task Reverts_are_decoded()
    {
        var notIndexer = await RevertsAsync(ProtocolErrors.NotAnIndexer, () => P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(10)));
        Assert.Equal($"{Indexer1.Address.ToChecksumString()} is not an indexer (no own stake)", notIndexer.Message);
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var small = await RevertsAsync(ProtocolErrors.BelowMinimumDelegation, () => P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(1) - 1));
        Assert.Equal("delegation too small: 0.999999999999999999 DPI, the minimum is 1 DPI", small.Message);
        var slip = await RevertsAsync(ProtocolErrors.SlippageExceeded, () => P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(10), Dpi(10)));
        Assert.Equal(Dpi(10) - Tax(Dpi(10)), slip.Amount("actual"));
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Staking.UndelegateAsync(Delegator1, Indexer1.Address, 0));
        await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(10));
        await RevertsAsync(ProtocolErrors.InsufficientShares, () => P.Staking.UndelegateAsync(Delegator1, Indexer1.Address, Dpi(10)));
        await RevertsAsync(ProtocolErrors.NothingToWithdraw, () => P.Staking.WithdrawDelegatedAsync(Delegator1, Indexer1.Address));
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Staking.AddDelegationFeesAsync(Other, Indexer1.Address, 0));
        await RevertsAsync(ProtocolErrors.NoDelegators, () => P.Staking.AddDelegationFeesAsync(Other, Indexer2.Address, 1));
    }

    [Fact]
    public async Task A_delegation_that_buys_no_shares_is_refused()
    {
        // A protocol without delegation tax and with a 1-wei minimum: 1 wei into a pool worth 10 DPI per share buys 0 shares.
        var p = await ProtocolClient.DeployAsync(Chain.Rpc, Chain.Deployer,
            ProtocolParameters.Devnet with { MinimumDelegation = 1, DelegationTaxPercentage = 0 }, Chain.BuildDirectory);
        await p.Token.MintAsync(Chain.Deployer, Indexer1.Address, MinStake);
        await p.Token.MintAsync(Chain.Deployer, Delegator1.Address, Dpi(20));
        await p.Staking.StakeAsync(Indexer1, MinStake);
        await p.Staking.DelegateAsync(Delegator1, Indexer1.Address, 1);
        await p.Staking.AddDelegationFeesAsync(Delegator1, Indexer1.Address, Dpi(10));
        await RevertsAsync(ProtocolErrors.ZeroShares, () => p.Staking.DelegateAsync(Delegator1, Indexer1.Address, 1));
    }
}
