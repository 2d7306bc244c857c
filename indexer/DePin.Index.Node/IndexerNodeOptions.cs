using DePin.Index.Pipeline;

namespace DePin.Index.Node;

/// <summary>
/// Settings of an <see cref="IndexerNode"/>: the HTTP surface (<see cref="Node"/>), the indexing (<see cref="Indexing"/>: the
/// PostgreSQL connection, the networks and the runners' settings) and where deployments fetched from IPFS are written out.
/// </summary>
public sealed record IndexerNodeOptions
{
    /// <summary>Ports, token, node id, PostgreSQL URL, logging.</summary>
    public required NodeOptions Node { get; init; }

    /// <summary>Networks (<c>--ethereum-rpc NAME:URL</c>) and runner settings; its connection string is the node's database.</summary>
    public required IndexingServiceOptions Indexing { get; init; }

    /// <summary>
    /// The folder deployments are written out to (manifest, schema, ABIs, wasm; one sub-folder per deployment id), since
    /// mappings compile from local files. Default: a <c>depin-node/&lt;node id&gt;</c> folder under the system's temporary folder;
    /// <c>DEPIN_DEPLOYMENTS_DIR</c>.
    /// </summary>
    public string? DeploymentsDir { get; init; }

    /// <summary>How often the assignments are read again (other nodes may change them); changes through this node's admin API apply at once. Default 2 s.</summary>
    public TimeSpan AssignmentPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the runners' counters are copied into the metrics. Default 1 s.</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The folder used when <see cref="DeploymentsDir"/> is null.</summary>
    public string ResolveDeploymentsDir() =>
        DeploymentsDir ?? Path.Combine(Path.GetTempPath(), "depin-node", Node.NodeId);
}
