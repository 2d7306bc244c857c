using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Triggers;

/// <summary>A block header as <c>ethereum.Block</c> exposes it (graph-node <c>Block_0_0_6</c>).</summary>
public sealed record BlockData
{
    public required long Number { get; init; }

    public required Hash32 Hash { get; init; }

    public Hash32 ParentHash { get; init; }

    public Hash32 UnclesHash { get; init; }

    public Address Author { get; init; }

    public Hash32 StateRoot { get; init; }

    public Hash32 TransactionsRoot { get; init; }

    public Hash32 ReceiptsRoot { get; init; }

    public BigInteger GasUsed { get; init; }

    public BigInteger GasLimit { get; init; }

    /// <summary>Seconds since the Unix epoch.</summary>
    public BigInteger Timestamp { get; init; }

    public BigInteger Difficulty { get; init; }

    public BigInteger TotalDifficulty { get; init; }

    /// <summary>Block size in bytes; null when unknown.</summary>
    public BigInteger? Size { get; init; }

    /// <summary>EIP-1559 base fee; null before London.</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>Number and hash.</summary>
    public BlockRef Ref => new(Number, Hash);
}
