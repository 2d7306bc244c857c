using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>A transaction as <c>eth_getTransactionByHash</c> returns it (signature fields are not kept).</summary>
public sealed record RpcTransaction
{
    public required Hash32 Hash { get; init; }
    public required long Nonce { get; init; }

    /// <summary>Null while pending.</summary>
    public Hash32? BlockHash { get; init; }

    /// <summary>Null while pending.</summary>
    public long? BlockNumber { get; init; }

    /// <summary>Null while pending.</summary>
    public int? TransactionIndex { get; init; }

    public required Address From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    public required BigInteger Value { get; init; }
    public required long Gas { get; init; }
    public BigInteger? GasPrice { get; init; }
    public BigInteger? MaxFeePerGas { get; init; }
    public BigInteger? MaxPriorityFeePerGas { get; init; }
    public required byte[] Input { get; init; }
    public int Type { get; init; }
    public long? ChainId { get; init; }
}
