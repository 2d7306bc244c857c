namespace DePin.Index.Store;

/// <summary>One deployment of a subgraph name (graph-node's <c>subgraph_version</c>).</summary>
public sealed record SubgraphVersion(long Id, string SubgraphName, string DeploymentId, DateTimeOffset CreatedAt, bool IsCurrent);
