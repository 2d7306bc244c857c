using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>What a curation deposit would give now: the signal minted and the tax burned.</summary>
public sealed record SignalQuote(BigInteger Tokens, BigInteger Signal, BigInteger Tax);
