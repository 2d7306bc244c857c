using System.Numerics;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class StakingTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    [Fact]
    public async Task First_stake_reaches_the_minimum_and_sets_the_cut_to_100_percent()
    {
        var before = await BalanceAsync(Indexer1);
        var r = await P.Staking.StakeAsync(Indexer1, MinStake);
        var deposited = r.Event("StakeDeposited");
        Assert.Equal(MinStake, deposited.Get<BigInteger>("tokens"));
        Assert.Equal(MinStake, deposited.Get<BigInteger>("staked"));
        var cut = r.Event("QueryFeeCutSet");
        Assert.Equal(1_000_000L, (long)cut.Get<BigInteger>("queryFeeCut"));
        Assert.Equal(r.BlockNumber, (long)cut.Get<BigInteger>("effectiveBlock"));
        Assert.Equal(before - MinStake, await BalanceAsync(Indexer1));

        var info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.True(info.IsIndexer);
        Assert.Equal(MinStake, info.OwnStake);
        Assert.Equal(MinStake, info.AvailableStake);
        Assert.Equal(1_000_000, info.QueryFeeCut);

        var more = await P.Staking.StakeAsync(Indexer1, Dpi(1));
        Assert.Equal(MinStake + Dpi(1), more.Event("StakeDeposited").Get<BigInteger>("staked"));
        Assert.Empty(more.EventsNamed("QueryFeeCutSet"));
    }

    [Fact]
    public async Task Stake_below_the_minimum_is_refused_with_a_plain_message()
    {
        var e = await RevertsAsync(ProtocolErrors.InsufficientStake, () => P.Staking.StakeAsync(Indexer1, Dpi(5000)));
        Assert.Equal("insufficient stake: 100000 DPI required, 5000 available", e.Message);
        Assert.Equal(MinStake, e.Amount("required"));
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Staking.StakeAsync(Indexer1, 0));
    }

    [Fact]
    public async Task Unstake_thaws_then_withdraw_returns_the_tokens()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake * 2);
        var before = await BalanceAsync(Indexer1);
        var r = await P.Staking.UnstakeAsync(Indexer1, MinStake / 2);
        var locked = r.Event("StakeLocked");
        Assert.Equal(MinStake / 2, locked.Get<BigInteger>("tokens"));
        Assert.Equal(MinStake / 2, locked.Get<BigInteger>("thawing"));
        var until = r.BlockNumber + Params.ThawingPeriod;
        Assert.Equal(until, (long)locked.Get<BigInteger>("untilBlock"));

        var info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.Equal(MinStake * 3 / 2, info.OwnStake);
        Assert.Equal(MinStake / 2, info.Thawing);

        var early = await RevertsAsync(ProtocolErrors.StillThawing, () => P.Staking.WithdrawAsync(Indexer1));
        Assert.StartsWith($"still thawing until block {until} (now block ", early.Message, StringComparison.Ordinal);
        await MineAsync(until - await Chain.Rpc.BlockNumberAsync() - 1); // the withdrawal is mined in block `until`
        var w = await P.Staking.WithdrawAsync(Indexer1);
        Assert.Equal(until, w.BlockNumber);
        Assert.Equal(MinStake / 2, w.Event("StakeWithdrawn").Get<BigInteger>("tokens"));
        Assert.Equal(MinStake * 3 / 2, w.Event("StakeWithdrawn").Get<BigInteger>("staked"));
        Assert.Equal(before + MinStake / 2, await BalanceAsync(Indexer1));
        await RevertsAsync(ProtocolErrors.NothingThawing, () => P.Staking.WithdrawAsync(Indexer1));
    }

    [Fact]
    public async Task A_second_unstake_restarts_the_wait_for_everything_thawing()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake * 2);
        await P.Staking.UnstakeAsync(Indexer1, Dpi(10));
        await MineAsync(5);
        var r = await P.Staking.UnstakeAsync(Indexer1, Dpi(20));
        Assert.Equal(Dpi(30), r.Event("StakeLocked").Get<BigInteger>("thawing"));
        Assert.Equal(r.BlockNumber + Params.ThawingPeriod, (await P.GetIndexerAsync(Indexer1.Address)).ThawingUntilBlock);
    }

    [Fact]
    public async Task Unstaking_everything_leaves_no_indexer()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        await P.Staking.UnstakeAsync(Indexer1, MinStake);
        Assert.False(await P.Staking.IsIndexerAsync(Indexer1.Address));
        await RevertsAsync(ProtocolErrors.NotAnIndexer, () => P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(10)));
    }

    [Fact]
    public async Task Unstake_reverts()
    {
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Staking.UnstakeAsync(Indexer1, 0));
        await P.Staking.StakeAsync(Indexer1, MinStake + Dpi(10));
        var tooMuch = await RevertsAsync(ProtocolErrors.InsufficientStake, () => P.Staking.UnstakeAsync(Indexer1, MinStake + Dpi(11)));
        Assert.Equal(MinStake + Dpi(10), tooMuch.Amount("available"));
        var below = await RevertsAsync(ProtocolErrors.BelowMinimumStake, () => P.Staking.UnstakeAsync(Indexer1, Dpi(11)));
        Assert.Equal(MinStake - Dpi(1), below.Amount("remaining"));

        await P.Staking.StakeAsync(Indexer1, MinStake);
        var id = await PublishAsync();
        await P.Staking.AllocateAsync(Indexer1, id, MinStake * 2);
        var allocated = await RevertsAsync(ProtocolErrors.StakeAllocated, () => P.Staking.UnstakeAsync(Indexer1, Dpi(10) + 1));
        Assert.Equal(MinStake * 2, allocated.Amount("allocated"));
        Assert.Equal(MinStake * 2 - 1, allocated.Amount("capacityAfter"));
        await P.Staking.UnstakeAsync(Indexer1, Dpi(10)); // exactly the unallocated part
    }

    [Fact]
    public async Task Query_fee_cut_applies_after_the_cooldown()
    {
        await RevertsAsync(ProtocolErrors.NotAnIndexer, () => P.Staking.SetQueryFeeCutAsync(Indexer1, 500_000));
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var bad = await RevertsAsync(ProtocolErrors.InvalidPercentage, () => P.Staking.SetQueryFeeCutAsync(Indexer1, 1_000_001));
        Assert.Equal("invalid percentage: 1000001 PPM is above 1000000 (100%)", bad.Message);

        var r = await P.Staking.SetQueryFeeCutAsync(Indexer1, 800_000);
        var ev = r.Event("QueryFeeCutSet");
        Assert.Equal(800_000L, (long)ev.Get<BigInteger>("queryFeeCut"));
        var effective = r.BlockNumber + Params.QueryFeeCutCooldown;
        Assert.Equal(effective, (long)ev.Get<BigInteger>("effectiveBlock"));
        var info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.Equal(1_000_000, info.QueryFeeCut);
        Assert.True(info.CutChangePending);
        await MineAsync(effective - await Chain.Rpc.BlockNumberAsync());
        Assert.Equal(800_000, await P.Staking.QueryFeeCutAsync(Indexer1.Address));

        // a change before the cooldown ends keeps the cut in force until the new effective block
        await P.Staking.SetQueryFeeCutAsync(Indexer1, 100_000);
        await P.Staking.SetQueryFeeCutAsync(Indexer1, 200_000);
        Assert.Equal(800_000, await P.Staking.QueryFeeCutAsync(Indexer1.Address));
        await MineAsync(Params.QueryFeeCutCooldown);
        Assert.Equal(200_000, await P.Staking.QueryFeeCutAsync(Indexer1.Address));
        await RevertsAsync(ProtocolErrors.InvalidPercentage, () => P.Staking.SetQueryFeeCutAsync(Indexer1, uint.MaxValue));
        await Assert.ThrowsAsync<ProtocolException>(() => P.Staking.SetQueryFeeCutAsync(Indexer1, -1));
    }
}
