namespace DePin.Index.Node;

/// <summary>One <c>subgraph_deploy</c> of a name: the version made current and the deployment it points at.</summary>
/// <param name="VersionId">The version's id.</param>
/// <param name="SubgraphId">The name's id (what <c>subgraph_create</c> returned).</param>
/// <param name="DeploymentId">The manifest's CIDv0.</param>
/// <param name="NodeId">The node the deployment is assigned to after this call.</param>
/// <param name="NewDeployment">True when the deployment did not exist before.</param>
public sealed record SubgraphVersionRecord(string VersionId, string SubgraphId, string DeploymentId, string? NodeId, bool NewDeployment);
