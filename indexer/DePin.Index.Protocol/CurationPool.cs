using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>A deployment's curation pool: reserve tokens and total signal (shares).</summary>
public sealed record CurationPool(BigInteger Tokens, BigInteger Signal)
{
    /// <summary>Tokens per share (1 for an empty pool), as a decimal for display only.</summary>
    public decimal PricePerShare => Signal.IsZero ? 1m : (decimal)Tokens / (decimal)Signal;
}
