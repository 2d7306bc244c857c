using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

public sealed partial class ProtocolClient
{
    /// <summary>An indexer's stake, thawing, allocations, delegation, capacity and the cut in force.</summary>
    public async Task<IndexerInfo> GetIndexerAsync(Address indexer, CancellationToken ct = default)
    {
        var stake = await Staking.GetStakeAsync(indexer, ct).ConfigureAwait(false);
        var pool = await Staking.GetDelegationPoolAsync(indexer, ct).ConfigureAwait(false);
        var capacity = await Staking.DelegatedCapacityAsync(indexer, ct).ConfigureAwait(false);
        var available = await Staking.AvailableStakeAsync(indexer, ct).ConfigureAwait(false);
        var cut = await Staking.QueryFeeCutAsync(indexer, ct).ConfigureAwait(false);
        var block = await Rpc.BlockNumberAsync(ct).ConfigureAwait(false);
        return new IndexerInfo(indexer, stake.Staked, stake.Thawing, stake.ThawingUntilBlock, stake.Staked - stake.Thawing, stake.Allocated,
            pool.Tokens, pool.Shares, capacity, available, cut, stake.PendingQueryFeeCut, stake.CutEffectiveBlock, block);
    }

    /// <summary>A delegator's shares with an indexer, their value now, and what is unbonding.</summary>
    public async Task<DelegationInfo> GetDelegationAsync(Address indexer, Address delegator, CancellationToken ct = default)
    {
        var d = await Staking.GetDelegationRecordAsync(indexer, delegator, ct).ConfigureAwait(false);
        var pool = await Staking.GetDelegationPoolAsync(indexer, ct).ConfigureAwait(false);
        var epoch = await Epochs.CurrentEpochAsync(ct).ConfigureAwait(false);
        var value = pool.Shares.IsZero ? BigInteger.Zero : d.Shares * pool.Tokens / pool.Shares;
        return new DelegationInfo(indexer, delegator, d.Shares, value, d.LockedTokens, d.LockedUntilEpoch, epoch, pool);
    }

    /// <summary>A deployment's curation pool and, with <paramref name="curator"/>, that curator's signal and its value now.</summary>
    public async Task<CurationInfo> GetCurationAsync(DeploymentId id, Address? curator = null, CancellationToken ct = default)
    {
        var pool = await Curation.GetPoolAsync(id, ct).ConfigureAwait(false);
        if (curator is not { } who) return new CurationInfo(id, pool, null, BigInteger.Zero, BigInteger.Zero);
        var signal = await Curation.SignalOfAsync(id, who, ct).ConfigureAwait(false);
        var value = pool.Signal.IsZero ? BigInteger.Zero : signal * pool.Tokens / pool.Signal;
        return new CurationInfo(id, pool, who, signal, value);
    }

    public Task<DeploymentInfo?> GetDeploymentAsync(DeploymentId id, CancellationToken ct = default) => Registry.GetDeploymentAsync(id, ct);

    public Task<AllocationInfo?> GetAllocationAsync(long allocationId, CancellationToken ct = default) => Staking.GetAllocationAsync(allocationId, ct);

    public Task<EscrowInfo> GetEscrowAsync(Address payer, CancellationToken ct = default) => Fees.GetEscrowAsync(payer, ct);

    /// <summary>The allocations of an indexer (open and closed), by scanning ids 1 … allocationCount.</summary>
    public async Task<IReadOnlyList<AllocationInfo>> GetAllocationsAsync(Address indexer, CancellationToken ct = default)
    {
        var count = await Staking.AllocationCountAsync(ct).ConfigureAwait(false);
        var list = new List<AllocationInfo>();
        for (long id = 1; id <= count; id++)
        {
            if (await Staking.GetAllocationAsync(id, ct).ConfigureAwait(false) is { } a && a.Indexer == indexer) list.Add(a);
        }
        return list;
    }

    public async Task<EpochInfo> GetEpochAsync(CancellationToken ct = default)
    {
        var epoch = await Epochs.CurrentEpochAsync(ct).ConfigureAwait(false);
        var length = await Epochs.EpochLengthAsync(ct).ConfigureAwait(false);
        var start = await Epochs.EpochStartBlockAsync(epoch, ct).ConfigureAwait(false);
        var block = await Rpc.BlockNumberAsync(ct).ConfigureAwait(false);
        return new EpochInfo(epoch, block, length, start, start + length - block);
    }

    /// <summary>The deployment parameters read back from the contracts.</summary>
    public async Task<ProtocolParameters> GetParametersAsync(CancellationToken ct = default)
    {
        async Task<long> S(string name) => (long)await Staking.ParameterAsync(name, ct).ConfigureAwait(false);
        async Task<long> F(string name) => (long)await Fees.ParameterAsync(name, ct).ConfigureAwait(false);
        return new ProtocolParameters
        {
            EpochLength = await Epochs.EpochLengthAsync(ct).ConfigureAwait(false),
            MinimumIndexerStake = await Staking.ParameterAsync("minimumIndexerStake", ct).ConfigureAwait(false),
            ThawingPeriod = await S("thawingPeriod").ConfigureAwait(false),
            DelegationRatio = await S("delegationRatio").ConfigureAwait(false),
            DelegationTaxPercentage = await S("delegationTaxPercentage").ConfigureAwait(false),
            DelegationUnbondingPeriod = await S("delegationUnbondingPeriod").ConfigureAwait(false),
            MinimumDelegation = await Staking.ParameterAsync("minimumDelegation", ct).ConfigureAwait(false),
            QueryFeeCutCooldown = await S("queryFeeCutCooldown").ConfigureAwait(false),
            CurationTaxPercentage = (long)await Curation.CurationTaxPercentageAsync(ct).ConfigureAwait(false),
            MinimumCurationDeposit = await Curation.MinimumCurationDepositAsync(ct).ConfigureAwait(false),
            ProtocolPercentage = await F("protocolPercentage").ConfigureAwait(false),
            CurationPercentage = await F("curationPercentage").ConfigureAwait(false),
            EscrowThawingPeriod = await F("escrowThawingPeriod").ConfigureAwait(false),
        };
    }
}
