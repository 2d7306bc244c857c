using System.Collections.Concurrent;
using DePin.Index.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Internal;
using DePin.Index.Store;

namespace DePin.Index.Pipeline;

/// <summary>
/// The indexing of one node (graph-node's <c>SubgraphInstanceManager</c>): runs a <see cref="DeploymentRunner"/> per assigned
/// deployment, concurrently and independently (a deployment that fails or retries does not hold the others up), over one
/// PostgreSQL store and one JSON-RPC connection per network. Start, stop, remove, and report each deployment's status and
/// proof of indexing. Thread-safe.
/// <code>
/// await using var indexing = await IndexingService.StartAsync(IndexingServiceOptions.FromEnvironment());
/// await indexing.StartDeploymentAsync(new DeploymentDescriptor(id, SubgraphDefinition.Load(path), schemaText, manifestText));
/// var status = await indexing.GetStatusAsync(id);
/// </code>
/// </summary>
public sealed class IndexingService : IAsyncDisposable
{
    private readonly IndexingServiceOptions _options;
    private readonly Dictionary<string, ChainConnection> _chains;
    private readonly ConcurrentDictionary<string, Running> _runners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    private IndexingService(IndexingServiceOptions options, PipelineStore store, Dictionary<string, ChainConnection> chains)
    {
        _options = options;
        Store = store;
        _chains = chains;
    }

    /// <summary>The node's store (shared by the runners).</summary>
    public PipelineStore Store { get; }

    /// <summary>The networks this node indexes.</summary>
    public IReadOnlyCollection<string> Networks => _chains.Keys;

    /// <summary>The deployments with a runner on this node (running or finished), by id.</summary>
    public IReadOnlyCollection<string> Deployments => [.. _runners.Keys];

    /// <summary>Connects to PostgreSQL (migrating the metadata schema) and to every network.</summary>
    public static async Task<IndexingService> StartAsync(IndexingServiceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(options.Networks);
        foreach (var (name, network) in options.Networks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(network.ReorgThreshold, $"{name}.ReorgThreshold");
        }

        var store = await PipelineStore.OpenAsync(options.ConnectionString, cancellationToken).ConfigureAwait(false);
        var chains = options.Networks.ToDictionary(n => n.Key, n => new ChainConnection(n.Key, n.Value), StringComparer.Ordinal);
        return new IndexingService(options, store, chains);
    }

    /// <summary>
    /// Starts indexing a deployment (creating its store on first start). False when a runner for it is already active.
    /// A deployment that failed deterministically stays failed: its runner loads, reports the failure and ends.
    /// </summary>
    /// <exception cref="ArgumentException">when the deployment's network is not one of <see cref="Networks"/>.</exception>
    public async Task<bool> StartDeploymentAsync(DeploymentDescriptor deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!_chains.TryGetValue(deployment.Network, out var chain))
        {
            throw new ArgumentException($"deployment {deployment.Id} indexes network '{deployment.Network}', which this node has no RPC endpoint for " +
                $"(known: {string.Join(", ", _chains.Keys)})", nameof(deployment));
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runners.TryGetValue(deployment.Id, out var existing) && !existing.Task.IsCompleted)
            {
                return false;
            }

            var stream = (chain.Options.Stream ?? _options.Runner.Stream ?? new BlockStreamOptions()).CopyWithThreshold(chain.Options.ReorgThreshold);
            var runner = new DeploymentRunner(deployment, Store, chain.Reader, _options.Runner with
            {
                Stream = stream,
                Ethereum = _options.Runner.Ethereum ?? chain.Calls,
            });
            var stop = new CancellationTokenSource();
            _runners[deployment.Id] = new Running(runner, chain, stop, Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None));
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops a deployment's runner (what is committed stays); false when none runs.</summary>
    public async Task<bool> StopDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        if (!_runners.TryRemove(deploymentId, out var running))
        {
            return false;
        }

        await running.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Stops the deployment's runner and deletes its data (schema and metadata); false when the store had no such deployment.</summary>
    public async Task<bool> RemoveDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        await StopDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        return await Store.Subgraphs.RemoveDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The runner of a deployment on this node, or null.</summary>
    public DeploymentRunner? GetRunner(string deploymentId) => _runners.TryGetValue(deploymentId, out var r) ? r.Runner : null;

    /// <summary>The chain head last seen on a network; null before the first answer or for an unknown network.</summary>
    public long? GetChainHead(string network) => _chains.TryGetValue(network, out var c) ? c.Head : null;

    /// <summary>The status of a deployment the store knows (whether or not it runs here); null for an unknown deployment.</summary>
    public async Task<DeploymentStatusReport?> GetStatusAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        var ids = await Store.Subgraphs.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false);
        if (!ids.Contains(deploymentId, StringComparer.Ordinal))
        {
            return null;
        }

        var store = await Store.Subgraphs.OpenDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        var s = await store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        _runners.TryGetValue(deploymentId, out var running);
        var runner = running?.Runner.Status;
        return new DeploymentStatusReport
        {
            Id = s.Id,
            Name = s.Name,
            Network = s.Network,
            Running = running is not null && !running.Task.IsCompleted,
            State = runner?.State,
            Health = s.Health,
            Synced = s.Synced,
            ChainHead = _chains.TryGetValue(s.Network, out var chain) ? chain.Head ?? runner?.ChainHead : runner?.ChainHead,
            StartBlock = s.StartBlock,
            EarliestBlock = s.EarliestBlock,
            LatestBlock = s.LatestBlock,
            EntityCount = s.EntityCount,
            FatalError = s.FatalError,
            LastError = runner?.LastError,
            ConsecutiveFailures = runner?.ConsecutiveFailures ?? 0,
            ReorgCount = s.ReorgCount,
        };
    }

    /// <summary>
    /// The proof of indexing of a deployment at <paramref name="block"/> (<see cref="ProofOfIndexing.Finish"/> of the digest as of
    /// that block), for <paramref name="indexer"/> (null: the public POI). Null when the block is not indexed yet, lies before the
    /// start block, or <paramref name="blockHash"/> is not the hash of the block the deployment indexed. Without a hash, the
    /// canonical block's hash is read from the chain.
    /// </summary>
    public async Task<Hash32?> GetProofOfIndexingAsync(string deploymentId, long block, Hash32? blockHash = null, Address? indexer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        var ids = await Store.Subgraphs.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false);
        if (!ids.Contains(deploymentId, StringComparer.Ordinal))
        {
            return null;
        }

        var store = await Store.Subgraphs.OpenDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        var status = await store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.LatestBlock is not { } latest || block > latest.Number || block < status.StartBlock)
        {
            return null;
        }

        var number = checked((int)block);
        Hash32 hash;
        if (number == latest.Number)
        {
            hash = latest.Hash;
        }
        else if (_chains.TryGetValue(status.Network, out var chain))
        {
            var canonical = await chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(block), cancellationToken).ConfigureAwait(false);
            if (canonical is null)
            {
                return null;
            }

            hash = canonical.Hash;
        }
        else if (blockHash is { } given)
        {
            hash = given;
        }
        else
        {
            return null;
        }

        if (blockHash is { } expected && expected != hash)
        {
            return null;
        }

        var digest = await store.GetPoiAsync(number, cancellationToken).ConfigureAwait(false) ?? Hash32.Zero;
        return ProofOfIndexing.Finish(digest, deploymentId, new Store.BlockPtr(number, hash), indexer);
    }

    /// <summary>Stops every runner and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _runners.Keys.ToList())
        {
            await StopDeploymentAsync(id).ConfigureAwait(false);
        }

        foreach (var chain in _chains.Values)
        {
            await chain.DisposeAsync().ConfigureAwait(false);
        }

        await Store.DisposeAsync().ConfigureAwait(false);
        _lock.Dispose();
    }

    private sealed record Running(DeploymentRunner Runner, ChainConnection Chain, CancellationTokenSource Stop, Task<RunnerState> Task)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync().ConfigureAwait(false);
            await Task.ConfigureAwait(false);
            Stop.Dispose();
        }
    }
}
