using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>An indexer's delegation pool: tokens (fees included) and shares.</summary>
public sealed record DelegationPool(BigInteger Tokens, BigInteger Shares);
