using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>A data source's <c>source</c>: the contract, its ABI and the block range to index.</summary>
public sealed class ContractSource
{
    /// <summary>The contract address; null for a template or a data source matching any address.</summary>
    public Address? Address { get; init; }

    /// <summary>Name of the ABI (in <see cref="Mapping.Abis"/>) describing the contract.</summary>
    public required string Abi { get; init; }

    /// <summary>First block to index (default 0).</summary>
    public long StartBlock { get; init; }

    /// <summary>Last block to index, inclusive (specVersion ≥ 0.0.9); null for no end.</summary>
    public long? EndBlock { get; init; }
}
