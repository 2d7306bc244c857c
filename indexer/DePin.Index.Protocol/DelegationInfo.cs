using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>A delegator's position with one indexer: shares, their value now, and tokens unbonding.</summary>
public sealed record DelegationInfo(
    Address Indexer,
    Address Delegator,
    BigInteger Shares,
    BigInteger Value,
    BigInteger LockedTokens,
    long LockedUntilEpoch,
    long CurrentEpoch,
    DelegationPool Pool)
{
    public BigInteger Withdrawable => LockedTokens.Sign > 0 && CurrentEpoch >= LockedUntilEpoch ? LockedTokens : BigInteger.Zero;
}
