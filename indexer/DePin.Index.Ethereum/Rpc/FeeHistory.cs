using System.Numerics;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>The answer of <c>eth_feeHistory</c>.</summary>
public sealed record FeeHistory
{
    public required long OldestBlock { get; init; }

    /// <summary>One more entry than blocks asked for: the last is the next block's base fee.</summary>
    public required IReadOnlyList<BigInteger> BaseFeePerGas { get; init; }

    public required IReadOnlyList<double> GasUsedRatio { get; init; }

    /// <summary>Per block, the priority fee at each requested percentile; empty when no percentiles were asked.</summary>
    public required IReadOnlyList<IReadOnlyList<BigInteger>> Reward { get; init; }
}
