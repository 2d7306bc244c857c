using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>A published deployment (SubgraphRegistry.deployments).</summary>
public sealed record DeploymentInfo(DeploymentId Id, Address Publisher, long PublishedAtBlock, bool Deprecated, string Metadata);
