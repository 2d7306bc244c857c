using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>An allocation (Staking.allocations); <see cref="Poi"/> is zero while open.</summary>
public sealed record AllocationInfo(
    long Id, Address Indexer, DeploymentId DeploymentId, BigInteger Tokens, long CreatedAtEpoch, long ClosedAtEpoch, Hash32 Poi, bool Open);
