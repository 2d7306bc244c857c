using DePin.Index.Chain;
using DePin.Index.Runtime;

namespace DePin.Index.Indexing;

/// <summary>How a <see cref="SubgraphInstance"/> runs its mappings.</summary>
public sealed record SubgraphInstanceOptions
{
    /// <summary>Limits of the mapping host (fuel, memory, time); null = <see cref="MappingHostOptions"/> defaults (and their <c>DEPIN_MAPPING_*</c> variables).</summary>
    public MappingHostOptions? Host { get; init; }

    /// <summary>Chain access for <c>ethereum.call/getBalance/hasCode</c> (e.g. <see cref="EthRpcCallAdapter"/>); null makes those calls fail the handler.</summary>
    public IEthereumCallAdapter? Ethereum { get; init; }

    /// <summary>Receives the mappings' <c>log.*</c> messages and the instance's warnings (skipped triggers); null drops them.</summary>
    public Action<MappingLogLevel, string>? Log { get; init; }

    /// <summary>Data sources created from templates by earlier blocks (persisted), in creation order.</summary>
    public IReadOnlyList<DataSourceInstance> DynamicDataSources { get; init; } = [];
}
