using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Triggers;

/// <summary>A transaction as <c>ethereum.Transaction</c> exposes it (graph-node <c>Tx_0_0_6</c>).</summary>
public sealed record TransactionData
{
    public required Hash32 Hash { get; init; }

    public BigInteger Index { get; init; }

    public Address From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public BigInteger GasLimit { get; init; }

    public BigInteger GasPrice { get; init; }

    public ReadOnlyMemory<byte> Input { get; init; } = ReadOnlyMemory<byte>.Empty;

    public BigInteger Nonce { get; init; }
}
