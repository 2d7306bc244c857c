using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>A <c>dataSources</c> or <c>templates</c> entry of kind <c>ethereum/contract</c>.</summary>
public sealed class DataSource
{
    /// <summary>The kind as written: <c>ethereum/contract</c> or its alias <c>ethereum</c>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The chain, e.g. <c>devnet</c> or <c>mainnet</c>.</summary>
    public required string Network { get; init; }

    public required ContractSource Source { get; init; }

    public required Mapping Mapping { get; init; }

    /// <summary>True for a <c>templates</c> entry (instantiated at run time with an address).</summary>
    public bool IsTemplate { get; init; }

    /// <summary>The <c>context</c> values (<c>{ key: { type, data } }</c>) as an entity; null when absent.</summary>
    public Entity? Context { get; init; }

    public required ManifestLocation Location { get; init; }

    public override string ToString() => Name;
}
