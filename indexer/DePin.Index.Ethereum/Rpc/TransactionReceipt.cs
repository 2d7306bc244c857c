using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>The receipt of a mined transaction (<c>eth_getTransactionReceipt</c>).</summary>
public sealed record TransactionReceipt
{
    public required Hash32 TransactionHash { get; init; }
    public required int TransactionIndex { get; init; }
    public required Hash32 BlockHash { get; init; }
    public required long BlockNumber { get; init; }
    public required Address From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>The created contract, for a contract creation; otherwise null.</summary>
    public Address? ContractAddress { get; init; }

    public required long CumulativeGasUsed { get; init; }
    public required long GasUsed { get; init; }

    /// <summary>Wei per gas actually paid.</summary>
    public required BigInteger EffectiveGasPrice { get; init; }

    /// <summary>True = success (status 1), false = reverted (status 0); null for pre-Byzantium receipts (which carry a state root).</summary>
    public bool? Status { get; init; }

    /// <summary>EIP-2718 type (0 legacy, 1 access list, 2 dynamic fee, …).</summary>
    public int Type { get; init; }

    public required IReadOnlyList<Log> Logs { get; init; }

    /// <summary>True when <see cref="Status"/> is 1.</summary>
    public bool Succeeded => Status == true;
}
