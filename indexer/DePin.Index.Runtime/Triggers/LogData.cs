using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Triggers;

/// <summary>A raw log inside a receipt (<c>ethereum.Log</c>).</summary>
public sealed record LogData
{
    public required Address Address { get; init; }

    public IReadOnlyList<Hash32> Topics { get; init; } = [];

    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;

    public Hash32? BlockHash { get; init; }

    public BigInteger? BlockNumber { get; init; }

    public Hash32? TransactionHash { get; init; }

    public BigInteger? TransactionIndex { get; init; }

    public BigInteger? LogIndex { get; init; }

    public bool Removed { get; init; }
}
