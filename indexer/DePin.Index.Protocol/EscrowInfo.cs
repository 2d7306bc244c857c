using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>A payer's escrow in FeeSettlement.</summary>
public sealed record EscrowInfo(Address Payer, BigInteger Balance, BigInteger Thawing, long ThawEndBlock);
