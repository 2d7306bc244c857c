namespace DePin.Index.Store;

/// <summary>What the store needs to create a deployment.</summary>
/// <param name="Id">The deployment id: the IPFS CIDv0 of the manifest (<c>Qm…</c>, 46 base58 characters).</param>
/// <param name="Schema">The text of <c>schema.graphql</c>; the store builds its tables from it.</param>
/// <param name="Manifest">The text of <c>subgraph.yaml</c>, kept for the record.</param>
/// <param name="Network">The chain the data sources index (<c>mainnet</c>, <c>devnet</c>).</param>
/// <param name="StartBlock">The lowest start block of the data sources.</param>
public sealed record DeploymentSpec(string Id, string Schema, string Manifest, string Network, int StartBlock = 0)
{
    /// <summary>A display name (usually the subgraph name it was deployed under); optional.</summary>
    public string? Name { get; init; }
}
