using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>Staking: own stake, delegation, the query-fee cut and allocations.</summary>
public sealed class StakingClient
{
    private readonly ContractPort _c;
    private readonly TokenClient _token;

    internal StakingClient(ContractPort port, TokenClient token)
    {
        _c = port;
        _token = token;
    }

    public Address Address => _c.Address;

    // ---- own stake ----

    public async Task<ProtocolReceipt> StakeAsync(EthKey indexer, BigInteger tokens, bool approve = true, CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(indexer, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(indexer, "stake", ct, tokens).ConfigureAwait(false);
    }

    public Task<ProtocolReceipt> UnstakeAsync(EthKey indexer, BigInteger tokens, CancellationToken ct = default) =>
        _c.SendAsync(indexer, "unstake", ct, tokens);

    public Task<ProtocolReceipt> WithdrawAsync(EthKey indexer, CancellationToken ct = default) => _c.SendAsync(indexer, "withdraw", ct);

    /// <summary>The indexer's share of query fees in PPM (0 … 1,000,000); applies after the cooldown.</summary>
    public Task<ProtocolReceipt> SetQueryFeeCutAsync(EthKey indexer, long cutPpm, CancellationToken ct = default)
    {
        if (cutPpm is < 0 or > uint.MaxValue) throw new ProtocolException($"query-fee cut {cutPpm} PPM is out of range (0 … 1000000)");
        return _c.SendAsync(indexer, "setQueryFeeCut", ct, (uint)cutPpm);
    }

    // ---- delegation ----

    public async Task<ProtocolReceipt> DelegateAsync(EthKey delegator, Address indexer, BigInteger tokens, BigInteger minShares = default,
        bool approve = true, CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(delegator, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(delegator, "delegate", ct, indexer, tokens, minShares).ConfigureAwait(false);
    }

    public Task<ProtocolReceipt> UndelegateAsync(EthKey delegator, Address indexer, BigInteger shares, CancellationToken ct = default) =>
        _c.SendAsync(delegator, "undelegate", ct, indexer, shares);

    public Task<ProtocolReceipt> WithdrawDelegatedAsync(EthKey delegator, Address indexer, CancellationToken ct = default) =>
        _c.SendAsync(delegator, "withdrawDelegated", ct, indexer);

    /// <summary>Adds tokens to an indexer's delegation pool (what FeeSettlement does with the delegators' share).</summary>
    public async Task<ProtocolReceipt> AddDelegationFeesAsync(EthKey from, Address indexer, BigInteger tokens, bool approve = true,
        CancellationToken ct = default)
    {
        if (approve) await _token.EnsureAllowanceAsync(from, Address, tokens, ct).ConfigureAwait(false);
        return await _c.SendAsync(from, "addDelegationFees", ct, indexer, tokens).ConfigureAwait(false);
    }

    // ---- allocations ----

    /// <summary>Allocates and returns the new allocation's id with the receipt.</summary>
    public async Task<(ProtocolReceipt Receipt, long AllocationId)> AllocateAsync(EthKey indexer, DeploymentId id, BigInteger tokens,
        CancellationToken ct = default)
    {
        var receipt = await _c.SendAsync(indexer, "allocate", ct, id.Bytes, tokens).ConfigureAwait(false);
        return (receipt, (long)receipt.Event("AllocationCreated").Get<BigInteger>("allocationId"));
    }

    public Task<ProtocolReceipt> CloseAllocationAsync(EthKey indexer, long allocationId, Hash32 poi, CancellationToken ct = default) =>
        _c.SendAsync(indexer, "closeAllocation", ct, allocationId, poi);

    // ---- views ----

    public async Task<IndexerStake> GetStakeAsync(Address indexer, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("indexers", ct, indexer).ConfigureAwait(false);
        return new IndexerStake((BigInteger)v[0], (BigInteger)v[1], (long)(BigInteger)v[2], (BigInteger)v[3],
            (long)(BigInteger)v[4], (long)(BigInteger)v[5], (long)(BigInteger)v[6]);
    }

    public async Task<DelegationPool> GetDelegationPoolAsync(Address indexer, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("delegationPools", ct, indexer).ConfigureAwait(false);
        return new DelegationPool((BigInteger)v[0], (BigInteger)v[1]);
    }

    public async Task<Delegation> GetDelegationRecordAsync(Address indexer, Address delegator, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("delegations", ct, indexer, delegator).ConfigureAwait(false);
        return new Delegation((BigInteger)v[0], (BigInteger)v[1], (long)(BigInteger)v[2]);
    }

    /// <summary>The allocation, or null when no allocation has that id.</summary>
    public async Task<AllocationInfo?> GetAllocationAsync(long allocationId, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("allocations", ct, allocationId).ConfigureAwait(false);
        var indexer = (Address)v[0];
        if (indexer == Address.Zero) return null;
        return new AllocationInfo(allocationId, indexer, DeploymentId.FromBytes((byte[])v[1]), (BigInteger)v[2], (long)(BigInteger)v[3],
            (long)(BigInteger)v[4], new Hash32((byte[])v[5]), (bool)v[6]);
    }

    public async Task<long> AllocationCountAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("allocationCount", ct).ConfigureAwait(false);
    public async Task<long> QueryFeeCutAsync(Address indexer, CancellationToken ct = default) => (long)await _c.UIntAsync("queryFeeCut", ct, indexer).ConfigureAwait(false);
    public Task<BigInteger> OwnStakeAsync(Address indexer, CancellationToken ct = default) => _c.UIntAsync("ownStake", ct, indexer);
    public Task<BigInteger> DelegatedCapacityAsync(Address indexer, CancellationToken ct = default) => _c.UIntAsync("delegatedCapacity", ct, indexer);
    public Task<BigInteger> AvailableStakeAsync(Address indexer, CancellationToken ct = default) => _c.UIntAsync("availableStake", ct, indexer);
    public Task<BigInteger> SharesToTokensAsync(Address indexer, BigInteger shares, CancellationToken ct = default) => _c.UIntAsync("sharesToTokens", ct, indexer, shares);
    public Task<bool> IsIndexerAsync(Address indexer, CancellationToken ct = default) => _c.BoolAsync("isIndexer", ct, indexer);
    public Task<bool> HasDelegatorsAsync(Address indexer, CancellationToken ct = default) => _c.BoolAsync("hasDelegators", ct, indexer);

    /// <summary>A constructor parameter by its getter name ("minimumIndexerStake", "thawingPeriod", …).</summary>
    public Task<BigInteger> ParameterAsync(string name, CancellationToken ct = default) => _c.UIntAsync(name, ct);
}
