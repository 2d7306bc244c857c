using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>An indexer's state as the Staking contract's getters report it (plus its token balance and escrow).</summary>
internal sealed record IndexerView(
    Address Indexer,
    BigInteger TokenBalance,
    BigInteger Staked,
    BigInteger Thawing,
    BigInteger ThawingUntilBlock,
    BigInteger OwnStake,
    BigInteger Allocated,
    BigInteger AvailableStake,
    BigInteger DelegatedCapacity,
    BigInteger DelegationPoolTokens,
    BigInteger DelegationPoolShares,
    long QueryFeeCut,
    long PendingQueryFeeCut,
    BigInteger CutEffectiveBlock,
    BigInteger EscrowBalance)
{
    public static async Task<IndexerView> ReadAsync(ProtocolSession s, Address indexer, CancellationToken ct)
    {
        var st = ProtocolAbi.Staking;
        var balance = s.CallUIntAsync(ProtocolAbi.Token, s.Token, "balanceOf", [indexer], ct);
        var record = s.CallAsync(st, s.Staking, "indexers", [indexer], ct);
        var own = s.CallUIntAsync(st, s.Staking, "ownStake", [indexer], ct);
        var available = s.CallUIntAsync(st, s.Staking, "availableStake", [indexer], ct);
        var capacity = s.CallUIntAsync(st, s.Staking, "delegatedCapacity", [indexer], ct);
        var pool = s.CallAsync(st, s.Staking, "delegationPools", [indexer], ct);
        var cut = s.CallUIntAsync(st, s.Staking, "queryFeeCut", [indexer], ct);
        var escrow = s.CallAsync(ProtocolAbi.Fees, s.Fees, "escrows", [indexer], ct);
        await Task.WhenAll(balance, record, own, available, capacity, pool, cut, escrow).ConfigureAwait(false);
        var r = record.Result;
        return new IndexerView(indexer, balance.Result, (BigInteger)r[0], (BigInteger)r[1], (BigInteger)r[2], own.Result, (BigInteger)r[3],
            available.Result, capacity.Result, (BigInteger)pool.Result[0], (BigInteger)pool.Result[1], (long)cut.Result, (long)(BigInteger)r[5],
            (BigInteger)r[6], (BigInteger)escrow.Result[0]);
    }
}
