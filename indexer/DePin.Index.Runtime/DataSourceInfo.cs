using DePin.Index.Ethereum.Abi;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime;

/// <summary>
/// The data source (or template instance) whose handler runs: what <c>dataSource.*</c> returns,
/// the templates <c>dataSource.create</c> may name, and the ABIs <c>ethereum.call</c> resolves
/// contract names against.
/// </summary>
public sealed record DataSourceInfo
{
    /// <summary>The data source's name in the manifest.</summary>
    public required string Name { get; init; }

    /// <summary>The network (<c>dataSource.network()</c>).</summary>
    public string Network { get; init; } = "mainnet";

    /// <summary>The contract address (<c>dataSource.address()</c>); empty when none.</summary>
    public ReadOnlyMemory<byte> Address { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>The context of a template instance (<c>dataSource.context()</c>); null when none.</summary>
    public Entity? Context { get; init; }

    /// <summary>Names of the templates <c>dataSource.create</c> may instantiate.</summary>
    public IReadOnlyCollection<string> Templates { get; init; } = [];

    /// <summary>ABIs by the name used in the manifest's <c>abis</c> section.</summary>
    public IReadOnlyDictionary<string, ContractAbi> Abis { get; init; } = new Dictionary<string, ContractAbi>();
}
