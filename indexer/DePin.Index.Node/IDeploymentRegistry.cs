namespace DePin.Index.Node;

/// <summary>
/// Subgraph names, their versions and the deployments they point at, with each deployment's node assignment —
/// what the admin JSON-RPC changes and what the indexing loop reads to know which deployments to run
/// (graph-node's <c>SubgraphStore</c> name/assignment part). Errors the caller can act on are
/// <see cref="RegistrarException"/>s with graph-node's messages.
/// </summary>
public interface IDeploymentRegistry
{
    /// <summary>Creates a name with no version yet; returns its id.</summary>
    /// <exception cref="RegistrarException"><see cref="RegistrarError.NameExists"/>.</exception>
    Task<string> CreateSubgraphAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the deployment the name's current version (graph-node's instant version switching), recording the
    /// deployment if it is new and assigning it to <see cref="DeploymentRequest.NodeId"/> when it has no node.
    /// </summary>
    /// <exception cref="RegistrarException"><see cref="RegistrarError.NameNotFound"/>.</exception>
    Task<SubgraphVersionRecord> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes the name and its versions; deployments no name uses any more are unassigned (their data stays).</summary>
    /// <exception cref="RegistrarException"><see cref="RegistrarError.NameNotFound"/>.</exception>
    Task RemoveSubgraphAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Assigns the deployment to another index node.</summary>
    /// <exception cref="RegistrarException"><see cref="RegistrarError.DeploymentNotFound"/> or <see cref="RegistrarError.AssignmentUnchanged"/>.</exception>
    Task ReassignAsync(string deploymentId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>The deployment, or null.</summary>
    Task<DeploymentRecord?> FindDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default);

    /// <summary>Every deployment, oldest first; only those assigned to <paramref name="nodeId"/> when given.</summary>
    Task<IReadOnlyList<DeploymentRecord>> ListDeploymentsAsync(string? nodeId = null, CancellationToken cancellationToken = default);

    /// <summary>The deployment a name's current version points at; null for an unknown name or one never deployed.</summary>
    Task<string?> ResolveNameAsync(string name, CancellationToken cancellationToken = default);
}
