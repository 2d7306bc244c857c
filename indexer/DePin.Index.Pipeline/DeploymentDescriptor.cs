using DePin.Index.Store;
using DePin.Index.Subgraph;

namespace DePin.Index.Pipeline;

/// <summary>
/// A deployment to index: its id, the loaded subgraph (manifest, schema, ABIs; the mappings are compiled when a runner
/// loads it) and the texts the store records when it creates the deployment.
/// </summary>
/// <param name="Id">The deployment id (the manifest's CIDv0, <c>Qm…</c>).</param>
/// <param name="Definition">The subgraph (e.g. <see cref="SubgraphDefinition.Load(string)"/>).</param>
/// <param name="SchemaText">The text of <c>schema.graphql</c> (the store builds its tables from it).</param>
/// <param name="ManifestText">The text of <c>subgraph.yaml</c>, kept for the record.</param>
public sealed record DeploymentDescriptor(string Id, SubgraphDefinition Definition, string SchemaText, string ManifestText)
{
    /// <summary>A display name (the subgraph name it was deployed under); optional.</summary>
    public string? Name { get; init; }

    /// <summary>The chain the data sources index (the first data source's <c>network</c>).</summary>
    public string Network => Definition.Manifest.Network;

    /// <summary>The lowest start block of the data sources.</summary>
    public long StartBlock => Definition.Manifest.DataSources.Count == 0 ? 0 : Definition.Manifest.DataSources.Min(d => d.Source.StartBlock);

    /// <summary>What the store needs to create the deployment.</summary>
    public DeploymentSpec ToSpec() => new(Id, SchemaText, ManifestText, Network, checked((int)StartBlock)) { Name = Name };
}
