using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>Staking.delegations(indexer, delegator) as stored.</summary>
public sealed record Delegation(BigInteger Shares, BigInteger LockedTokens, long LockedUntilEpoch);
