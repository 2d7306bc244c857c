using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>An <c>eventHandlers</c> entry: which event triggers which mapping function.</summary>
public sealed class MappingEventHandler
{
    /// <summary>The event signature as written, e.g. <c>Transfer(indexed address,indexed address,uint256)</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The exported mapping function to call.</summary>
    public required string Handler { get; init; }

    /// <summary>Explicit topic0 instead of the signature's hash; null when not given.</summary>
    public Hash32? Topic0 { get; init; }

    /// <summary>Allowed values of topic 1 (specVersion ≥ 1.2.0); null matches any.</summary>
    public IReadOnlyList<Hash32>? Topic1 { get; init; }

    public IReadOnlyList<Hash32>? Topic2 { get; init; }

    public IReadOnlyList<Hash32>? Topic3 { get; init; }

    /// <summary>Pass the transaction receipt to the handler (apiVersion ≥ 0.0.7).</summary>
    public bool Receipt { get; init; }

    /// <summary>Declared eth_calls (specVersion ≥ 1.2.0).</summary>
    public IReadOnlyList<DeclaredCall> Calls { get; init; } = [];

    public required ManifestLocation Location { get; init; }
}
