namespace DePin.Index.Node;

/// <summary>What <c>subgraph_deploy</c> records once the manifest is validated.</summary>
/// <param name="Name">An existing subgraph name.</param>
/// <param name="DeploymentId">The manifest's CIDv0.</param>
/// <param name="NodeId">The index node to assign a new (or unassigned) deployment to.</param>
/// <param name="Network">The manifest's network.</param>
/// <param name="SpecVersion">The manifest's specVersion.</param>
/// <param name="VersionLabel">graph-cli's <c>--version-label</c>, kept for information.</param>
public sealed record DeploymentRequest(string Name, string DeploymentId, string NodeId, string Network, string SpecVersion, string? VersionLabel);
