using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>Staking.indexers(indexer) as stored (the cut fields are the stored pair, see <see cref="IndexerInfo.QueryFeeCut"/> for the one in force).</summary>
public sealed record IndexerStake(
    BigInteger Staked, BigInteger Thawing, long ThawingUntilBlock, BigInteger Allocated,
    long StoredQueryFeeCut, long PendingQueryFeeCut, long CutEffectiveBlock);
