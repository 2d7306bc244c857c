using DePin.Index.Node.Ipfs;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node;

/// <summary>
/// What the admin API does (graph-node's <c>SubgraphRegistrar</c>): checks names, hashes and node ids, resolves and
/// validates a manifest from the node's IPFS store before anything is recorded, and records names, versions and
/// assignments in the <see cref="IDeploymentRegistry"/>. As in graph-node, deploy resolves the manifest first and then
/// finds the name (an unknown name is reported after a valid manifest). Every refusal is a <see cref="RegistrarException"/> carrying
/// graph-node's message; a rejected deploy creates nothing.
/// </summary>
public sealed class SubgraphRegistrar(IDeploymentRegistry registry, IpfsSubgraphLoader loader, string defaultNodeId, ILogger<SubgraphRegistrar> logger)
{
    /// <summary><c>subgraph_create</c>: returns the new name's id.</summary>
    public Task<string> CreateSubgraphAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        return registry.CreateSubgraphAsync(name, cancellationToken);
    }

    /// <summary><c>subgraph_deploy</c>: validates the manifest stored under <paramref name="ipfsHash"/> and makes it the name's current version.</summary>
    public async Task<SubgraphVersionRecord> DeployAsync(string name, string ipfsHash, string? nodeId, string? versionLabel,
        CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var cid = ParseHash(ipfsHash);
        nodeId ??= defaultNodeId;
        CheckNodeId(nodeId);
        var definition = await ResolveAsync(cid, cancellationToken).ConfigureAwait(false);
        var manifest = definition.Manifest;
        var version = await registry.DeployAsync(
            new DeploymentRequest(name, cid.Text, nodeId, manifest.Network, manifest.SpecVersion.ToString(), versionLabel), cancellationToken)
            .ConfigureAwait(false);
        logger.LogInformation("Deployed {Deployment} as {Name} (version {Version}, label {Label}, network {Network}, node {Node}, new {New})",
            cid.Text, name, version.VersionId, versionLabel, manifest.Network, version.NodeId, version.NewDeployment);
        return version;
    }

    /// <summary><c>subgraph_remove</c>.</summary>
    public Task RemoveSubgraphAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        return registry.RemoveSubgraphAsync(name, cancellationToken);
    }

    /// <summary><c>subgraph_reassign</c>.</summary>
    public Task ReassignAsync(string ipfsHash, string nodeId, CancellationToken cancellationToken = default)
    {
        var cid = ParseHash(ipfsHash);
        CheckNodeId(nodeId);
        return registry.ReassignAsync(cid.Text, nodeId, cancellationToken);
    }

    private async Task<DePin.Index.Subgraph.SubgraphDefinition> ResolveAsync(Cid cid, CancellationToken cancellationToken)
    {
        try
        {
            return await loader.LoadAsync(cid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IpfsNotFoundException or IpfsFormatException)
        {
            throw new RegistrarException(RegistrarError.ResolveError, $"subgraph resolve error: resolve error: {e.Message}", e);
        }
        catch (ManifestException e)
        {
            throw new RegistrarException(RegistrarError.ResolveError, $"subgraph resolve error: {e.Message}", e);
        }
        catch (SchemaException e)
        {
            throw new RegistrarException(RegistrarError.ValidationError, $"subgraph validation error: [schema validation failed: {e.Message}]", e);
        }
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Names.SubgraphNameProblem(name) is { } problem)
        {
            throw new RegistrarException(RegistrarError.InvalidParams, $"invalid subgraph name \"{name}\": {problem}");
        }
    }

    private static void CheckNodeId(string nodeId)
    {
        if (Names.NodeIdProblem(nodeId) is { } problem)
        {
            throw new RegistrarException(RegistrarError.InvalidParams, $"invalid node id \"{nodeId}\": {problem}");
        }
    }

    private static Cid ParseHash(string ipfsHash)
    {
        ArgumentNullException.ThrowIfNull(ipfsHash);
        try
        {
            return Cid.Parse(ipfsHash);
        }
        catch (IpfsFormatException e)
        {
            throw new RegistrarException(RegistrarError.InvalidParams, e.Message, e);
        }
    }
}
