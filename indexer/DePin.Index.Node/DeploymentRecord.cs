namespace DePin.Index.Node;

/// <summary>A deployed manifest as the registry knows it.</summary>
/// <param name="Id">The deployment id: the manifest's CIDv0.</param>
/// <param name="Network">The chain its data sources index.</param>
/// <param name="SpecVersion">The manifest's specVersion.</param>
/// <param name="NodeId">The index node it is assigned to; null when unassigned (not indexed anywhere).</param>
/// <param name="CreatedAt">When it was first deployed.</param>
/// <param name="Names">The subgraph names whose current version it is.</param>
public sealed record DeploymentRecord(
    string Id, string Network, string SpecVersion, string? NodeId, DateTimeOffset CreatedAt, IReadOnlyList<string> Names);
