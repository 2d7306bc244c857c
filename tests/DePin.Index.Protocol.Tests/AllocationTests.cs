using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class AllocationTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private static readonly Hash32 Poi = Hash32.Of("proof of indexing");

    [Fact]
    public async Task Allocate_then_close_with_a_poi_after_an_epoch()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var id = await PublishAsync();
        var epoch = await P.Epochs.CurrentEpochAsync();
        var (r, allocationId) = await P.Staking.AllocateAsync(Indexer1, id, Dpi(60_000));
        var ev = r.Event("AllocationCreated");
        Assert.Equal(1, allocationId);
        Assert.Equal(Indexer1.Address, ev.Get<Address>("indexer"));
        Assert.Equal(id.ToArray(), ev.Get<byte[]>("deploymentId"));
        Assert.Equal(Dpi(60_000), ev.Get<BigInteger>("tokens"));
        var createdEpoch = (long)ev.Get<BigInteger>("epoch");
        Assert.True(createdEpoch == epoch || createdEpoch == epoch + 1);
        var info = await P.GetIndexerAsync(Indexer1.Address);
        Assert.Equal(Dpi(60_000), info.Allocated);
        Assert.Equal(Dpi(40_000), info.AvailableStake);

        var young = await RevertsAsync(ProtocolErrors.AllocationTooYoung, () => P.Staking.CloseAllocationAsync(Indexer1, allocationId, Poi));
        Assert.Equal(createdEpoch, (long)young.Amount("createdAtEpoch"));
        await MineToNextEpochAsync();
        var c = await P.Staking.CloseAllocationAsync(Indexer1, allocationId, Poi);
        var closed = c.Event("AllocationClosed");
        Assert.Equal(allocationId, (long)closed.Get<BigInteger>("allocationId"));
        Assert.Equal(Poi.ToArray(), closed.Get<byte[]>("poi"));
        Assert.Equal(Dpi(60_000), closed.Get<BigInteger>("tokens"));
        Assert.Equal(createdEpoch + 1, (long)closed.Get<BigInteger>("epoch"));

        var a = await P.GetAllocationAsync(allocationId);
        Assert.NotNull(a);
        Assert.False(a.Open);
        Assert.Equal(Poi, a.Poi);
        Assert.Equal(id, a.DeploymentId);
        Assert.Equal(MinStake, (await P.GetIndexerAsync(Indexer1.Address)).AvailableStake);
        Assert.Single(await P.GetAllocationsAsync(Indexer1.Address));
        Assert.Empty(await P.GetAllocationsAsync(Indexer2.Address));
        var again = await RevertsAsync(ProtocolErrors.AllocationAlreadyClosed, () => P.Staking.CloseAllocationAsync(Indexer1, allocationId, Poi));
        Assert.Equal(createdEpoch + 1, (long)again.Amount("closedAtEpoch"));
    }

    [Fact]
    public async Task Allocations_use_delegated_capacity_and_stop_at_the_available_stake()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        await P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(3_000_000));
        var id = await PublishAsync();
        var cap = MinStake * (1 + Params.DelegationRatio);
        await P.Staking.AllocateAsync(Indexer1, id, cap - Dpi(1));
        var e = await RevertsAsync(ProtocolErrors.CapacityExceeded, () => P.Staking.AllocateAsync(Indexer1, id, Dpi(1) + 1));
        Assert.Equal("capacity exceeded: 1.000000000000000001 DPI requested, 1 DPI available", e.Message);
        await P.Staking.AllocateAsync(Indexer1, id, Dpi(1));
        Assert.Equal(BigInteger.Zero, await P.Staking.AvailableStakeAsync(Indexer1.Address));
        Assert.Equal(2, await P.Staking.AllocationCountAsync());
    }

    [Fact]
    public async Task Reverts_are_decoded()
    {
        var id = await PublishAsync();
        await RevertsAsync(ProtocolErrors.ZeroAmount, () => P.Staking.AllocateAsync(Indexer1, id, 0));
        var stake = await RevertsAsync(ProtocolErrors.InsufficientStake, () => P.Staking.AllocateAsync(Indexer1, id, 1));
        Assert.Equal("insufficient stake: 100000 DPI required, 0 available", stake.Message);
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var unknown = new DeploymentId(Hash32.Of("never published"));
        await RevertsAsync(ProtocolErrors.DeploymentNotFound, () => P.Staking.AllocateAsync(Indexer1, unknown, 1));
        var (_, allocationId) = await P.Staking.AllocateAsync(Indexer1, id, 1);
        await P.Registry.DeprecateAsync(Other, id);
        await RevertsAsync(ProtocolErrors.DeploymentIsDeprecated, () => P.Staking.AllocateAsync(Indexer1, id, 1));

        await RevertsAsync(ProtocolErrors.AllocationNotFound, () => P.Staking.CloseAllocationAsync(Indexer1, 99, Poi));
        var owner = await RevertsAsync(ProtocolErrors.NotAllocationIndexer, () => P.Staking.CloseAllocationAsync(Indexer2, allocationId, Poi));
        Assert.Equal(Indexer1.Address, (Address)owner["indexer"]);
        await RevertsAsync(ProtocolErrors.ZeroPoi, () => P.Staking.CloseAllocationAsync(Indexer1, allocationId, Hash32.Zero));
        await MineToNextEpochAsync();
        await P.Staking.CloseAllocationAsync(Indexer1, allocationId, Poi); // deprecated deployments' allocations still close
    }
}
