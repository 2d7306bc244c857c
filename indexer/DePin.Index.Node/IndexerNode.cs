using System.Net.Http;
using DePin.Index.Node.Indexing;
using DePin.Index.Node.Ipfs;
using DePin.Index.Pipeline;
using DePin.Index.Runtime;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DePin.Index.Node;

/// <summary>
/// A whole index node (what <c>depin node</c> runs): the HTTP surface (<see cref="NodeHost"/>) wired to the indexing pipeline
/// (<see cref="IndexingService"/>). The deployments the registry assigns to this node id are indexed — those assigned at start,
/// and every change made through the admin API (<c>subgraph_deploy</c>, <c>subgraph_reassign</c>, <c>subgraph_remove</c>) at
/// once; a deployment is written out from the node's IPFS store into <see cref="IndexerNodeOptions.DeploymentsDir"/> first. The
/// status API reads the pipeline's progress, <c>/metrics</c> the runners' counters.
/// <code>
/// await using var node = await IndexerNode.StartAsync(options, ct);
/// await node.WaitForShutdownAsync(ct);   // Ctrl-C: stops the listeners, then every runner (committed work stays)
/// </code>
/// </summary>
public sealed class IndexerNode : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILoggerFactory _loggerFactory;
    private readonly AssignmentSupervisor _supervisor;
    private readonly RunnerMetricsCollector _collector;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _metricsInterval;
    private Task? _metricsLoop;
    private int _disposed;

    private IndexerNode(NodeHost host, IndexingService indexing, NpgsqlDataSource dataSource, ILoggerFactory loggerFactory,
        AssignmentSupervisor supervisor, TimeSpan metricsInterval)
    {
        Host = host;
        Indexing = indexing;
        _dataSource = dataSource;
        _loggerFactory = loggerFactory;
        _supervisor = supervisor;
        _metricsInterval = metricsInterval;
        _collector = new RunnerMetricsCollector(indexing, host.Metrics);
    }

    /// <summary>The HTTP surface (bound ports and URLs).</summary>
    public NodeHost Host { get; }

    /// <summary>The indexing of this node.</summary>
    public IndexingService Indexing { get; }

    /// <summary>Deployments that could not be started, with the reason (retried at each sync).</summary>
    public IReadOnlyDictionary<string, string> DeploymentProblems => _supervisor.Problems;

    /// <summary>Connects to PostgreSQL, prepares the node's tables, binds every port and starts indexing the assigned deployments.</summary>
    /// <exception cref="NodeConfigurationException">for invalid options, a database that cannot be reached or a port that cannot be bound.</exception>
    public static async Task<IndexerNode> StartAsync(IndexerNodeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nodeOptions = options.Node with { PostgresUrl = options.Node.PostgresUrl ?? options.Indexing.ConnectionString };
        nodeOptions.Validate();
        if (options.Indexing.Networks.Count == 0)
        {
            throw new NodeConfigurationException("the node needs at least one network: --ethereum-rpc NAME:URL (DEPIN_ETHEREUM_RPC)");
        }

        var loggerFactory = NodeLogging.Create(nodeOptions);
        var logger = loggerFactory.CreateLogger<IndexerNode>();
        var metrics = new NodeMetrics();
        NpgsqlDataSource? dataSource = null;
        IndexingService? indexing = null;
        AssignmentSupervisor? supervisor = null;
        try
        {
            dataSource = await NodeDatabase.OpenAsync(options.Indexing.ConnectionString, cancellationToken).ConfigureAwait(false);
            var notices = new Query.BlockNoticeRelay();
            indexing = await StartIndexingAsync(options.Indexing, metrics, loggerFactory, notices, cancellationToken).ConfigureAwait(false);
            var ipfs = new PostgresIpfsBlockStore(dataSource);
            var files = new DeploymentFiles(ipfs, options.ResolveDeploymentsDir());
            AssignmentSupervisor? late = null;
            var registry = new NotifyingRegistry(new PostgresDeploymentRegistry(dataSource), () => late?.Poke());
            supervisor = late = new AssignmentSupervisor(registry, indexing, files, nodeOptions.NodeId, options.AssignmentPollInterval,
                loggerFactory.CreateLogger<AssignmentSupervisor>());
            var builder = NodeHost.CreateBuilder(nodeOptions);
            builder.Registry = registry;
            builder.IpfsStore = ipfs;
            builder.StatusSource = new PipelineStatusSource(indexing);
            builder.Metrics = metrics;
            builder.LoggerFactory = loggerFactory;
            var host = await builder.StartAsync(cancellationToken).ConfigureAwait(false);
            notices.Bus = host.Live?.Bus;
            var node = new IndexerNode(host, indexing, dataSource, loggerFactory, supervisor, options.MetricsInterval);
            await supervisor.SyncAsync(cancellationToken).ConfigureAwait(false);
            supervisor.Start();
            node._metricsLoop = Task.Run(() => node.CollectMetricsAsync(node._stop.Token), CancellationToken.None);
            logger.LogInformation("Indexing networks {Networks}; deployments written out to {Dir}", string.Join(", ", indexing.Networks), files.Root);
            return node;
        }
        catch
        {
            if (supervisor is not null)
            {
                await supervisor.DisposeAsync().ConfigureAwait(false);
            }

            if (indexing is not null)
            {
                await indexing.DisposeAsync().ConfigureAwait(false);
            }

            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>Reads the assignments now and starts/stops runners to match (the node also does it by itself).</summary>
    public Task SyncAssignmentsAsync(CancellationToken cancellationToken = default) => _supervisor.SyncAsync(cancellationToken);

    /// <summary>Waits until <paramref name="cancellationToken"/> fires (Ctrl-C), then stops cleanly.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the assignment loop, the listeners, then every runner (what is committed stays), and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_metricsLoop is not null)
        {
            await _metricsLoop.ConfigureAwait(false);
        }

        await _supervisor.DisposeAsync().ConfigureAwait(false);
        await Host.StopAsync().ConfigureAwait(false);
        await Indexing.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.CreateLogger<IndexerNode>().LogInformation("Node {NodeId} stopped", Host.Options.NodeId);
        _loggerFactory.Dispose();
        _stop.Dispose();
    }

    private static async Task<IndexingService> StartIndexingAsync(IndexingServiceOptions options, NodeMetrics metrics, ILoggerFactory loggerFactory,
        Query.BlockNoticeRelay notices, CancellationToken cancellationToken)
    {
        var mappingLogger = loggerFactory.CreateLogger("DePin.Index.Pipeline");
        var networks = options.Networks.ToDictionary(
            n => n.Key,
            n => n.Value with
            {
                HttpHandler = n.Value.HttpHandler ?? (() => new RpcMetricsHandler(metrics)
                {
                    InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) },
                }),
            },
            StringComparer.Ordinal);
        var onCommitted = options.Runner.OnCommitted;
        var onReverted = options.Runner.OnReverted;
        var runner = options.Runner with
        {
            OnCommitted = c =>
            {
                onCommitted?.Invoke(c);
                notices.OnCommitted(c);
            },
            OnReverted = c =>
            {
                onReverted?.Invoke(c);
                notices.OnReverted(c);
            },
            // a node undoes a failure whose block a reorg removed (graph-node's unfail on revert)
            UnfailPollInterval = options.Runner.UnfailPollInterval ?? TimeSpan.FromSeconds(1),
            Log = options.Runner.Log ?? ((level, message) => mappingLogger.Log(level switch
            {
                MappingLogLevel.Critical => LogLevel.Critical,
                MappingLogLevel.Error => LogLevel.Error,
                MappingLogLevel.Warning => LogLevel.Warning,
                MappingLogLevel.Info => LogLevel.Information,
                _ => LogLevel.Debug,
            }, "{Message}", message)),
        };
        try
        {
            return await IndexingService.StartAsync(options with { Networks = networks, Runner = runner }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or DePin.Index.Store.StoreException)
        {
            throw new NodeConfigurationException($"cannot open the indexing store in PostgreSQL: {e.Message}", e);
        }
    }

    private async Task CollectMetricsAsync(CancellationToken cancellationToken)
    {
        var logger = _loggerFactory.CreateLogger<IndexerNode>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _collector.Collect();
                await Task.Delay(_metricsInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Collecting the runners' metrics failed: {Problem}", e.Message);
            }
        }
    }
}
