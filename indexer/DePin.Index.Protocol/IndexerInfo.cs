using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>An indexer as the CLI shows it: stake, thawing, allocations, delegation, capacity and cut.</summary>
public sealed record IndexerInfo(
    Address Indexer,
    BigInteger Staked,
    BigInteger Thawing,
    long ThawingUntilBlock,
    BigInteger OwnStake,
    BigInteger Allocated,
    BigInteger DelegatedTokens,
    BigInteger DelegationShares,
    BigInteger DelegatedCapacity,
    BigInteger AvailableStake,
    long QueryFeeCut,
    long PendingQueryFeeCut,
    long CutEffectiveBlock,
    long CurrentBlock)
{
    /// <summary>Own stake not thawing &gt; 0.</summary>
    public bool IsIndexer => OwnStake.Sign > 0;

    /// <summary>Thawing tokens that can be withdrawn now.</summary>
    public BigInteger Withdrawable => Thawing.Sign > 0 && CurrentBlock >= ThawingUntilBlock ? Thawing : BigInteger.Zero;

    /// <summary>A cut change waiting for its cooldown.</summary>
    public bool CutChangePending => CurrentBlock < CutEffectiveBlock;
}
