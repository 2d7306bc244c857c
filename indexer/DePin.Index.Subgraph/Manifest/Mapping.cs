namespace DePin.Index.Subgraph.Manifest;

/// <summary>A data source's <c>mapping</c>: the compiled handlers and what triggers them.</summary>
public sealed class Mapping
{
    /// <summary><c>ethereum/events</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The graph-ts API version the mapping was built against (e.g. 0.0.9).</summary>
    public required Version ApiVersion { get; init; }

    /// <summary><c>wasm/assemblyscript</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The mapping's code: the TypeScript source in a subgraph folder, the .wasm in graph-cli's build/ output.</summary>
    public required FileLink File { get; init; }

    /// <summary>Entity types the mapping writes (informational; graph-node does not enforce it).</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    public IReadOnlyList<MappingAbi> Abis { get; init; } = [];

    public IReadOnlyList<MappingEventHandler> EventHandlers { get; init; } = [];

    public IReadOnlyList<MappingCallHandler> CallHandlers { get; init; } = [];

    public IReadOnlyList<MappingBlockHandler> BlockHandlers { get; init; } = [];

    /// <summary>The ABI entry with this name, or null.</summary>
    public MappingAbi? FindAbi(string name) => Abis.FirstOrDefault(a => a.Name == name);
}
