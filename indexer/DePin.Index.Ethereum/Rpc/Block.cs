using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// A block header as <c>eth_getBlockByNumber</c>/<c>eth_getBlockByHash</c> return it (logsBloom and extra data are
/// not kept), with the hashes of its transactions in block order.
/// </summary>
public sealed record Block
{
    public required long Number { get; init; }
    public required Hash32 Hash { get; init; }
    public required Hash32 ParentHash { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long Timestamp { get; init; }

    public required long GasLimit { get; init; }
    public required long GasUsed { get; init; }

    /// <summary>EIP-1559 base fee in wei; null before London.</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    public required Address Miner { get; init; }
    public required Hash32 StateRoot { get; init; }
    public required Hash32 TransactionsRoot { get; init; }
    public required Hash32 ReceiptsRoot { get; init; }
    public required BigInteger Difficulty { get; init; }

    /// <summary>Null when the node no longer reports it (post-merge clients).</summary>
    public BigInteger? TotalDifficulty { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    public required IReadOnlyList<Hash32> TransactionHashes { get; init; }
}
