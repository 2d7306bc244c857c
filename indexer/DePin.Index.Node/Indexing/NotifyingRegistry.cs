namespace DePin.Index.Node.Indexing;

/// <summary>A registry that calls <paramref name="changed"/> after each change of names or assignments (so the node re-reads its assignments at once).</summary>
internal sealed class NotifyingRegistry(IDeploymentRegistry inner, Action changed) : IDeploymentRegistry
{
    public Task<string> CreateSubgraphAsync(string name, CancellationToken cancellationToken = default) =>
        inner.CreateSubgraphAsync(name, cancellationToken);

    public async Task<SubgraphVersionRecord> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.DeployAsync(request, cancellationToken).ConfigureAwait(false);
        changed();
        return result;
    }

    public async Task RemoveSubgraphAsync(string name, CancellationToken cancellationToken = default)
    {
        await inner.RemoveSubgraphAsync(name, cancellationToken).ConfigureAwait(false);
        changed();
    }

    public async Task ReassignAsync(string deploymentId, string nodeId, CancellationToken cancellationToken = default)
    {
        await inner.ReassignAsync(deploymentId, nodeId, cancellationToken).ConfigureAwait(false);
        changed();
    }

    public Task<DeploymentRecord?> FindDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        inner.FindDeploymentAsync(deploymentId, cancellationToken);

    public Task<IReadOnlyList<DeploymentRecord>> ListDeploymentsAsync(string? nodeId = null, CancellationToken cancellationToken = default) =>
        inner.ListDeploymentsAsync(nodeId, cancellationToken);

    public Task<string?> ResolveNameAsync(string name, CancellationToken cancellationToken = default) =>
        inner.ResolveNameAsync(name, cancellationToken);
}
