using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Triggers;

/// <summary>A transaction receipt as <c>ethereum.TransactionReceipt</c> exposes it.</summary>
public sealed record TransactionReceiptData
{
    public required Hash32 TransactionHash { get; init; }

    public BigInteger TransactionIndex { get; init; }

    public Hash32? BlockHash { get; init; }

    public BigInteger? BlockNumber { get; init; }

    public BigInteger CumulativeGasUsed { get; init; }

    public BigInteger GasUsed { get; init; }

    public Address? ContractAddress { get; init; }

    public IReadOnlyList<LogData> Logs { get; init; } = [];

    /// <summary>1 success, 0 failure; null before Byzantium.</summary>
    public BigInteger? Status { get; init; }

    public Hash32? Root { get; init; }

    /// <summary>The 256-byte bloom filter.</summary>
    public ReadOnlyMemory<byte> LogsBloom { get; init; } = new byte[256];
}
