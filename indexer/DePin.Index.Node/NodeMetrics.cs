using Prometheus;

namespace DePin.Index.Node;

/// <summary>
/// The Prometheus metrics the indexing pipeline updates and <c>/metrics</c> (port 8040) serves. Names follow graph-node's
/// where it has one (<c>deployment_head</c>, <c>deployment_handler_execution_time</c>,
/// <c>deployment_block_processing_duration</c>, <c>ethereum_chain_head_number</c>); durations are in seconds.
/// Each instance owns its <see cref="Registry"/>, so several nodes (or tests) in one process do not mix their numbers.
/// </summary>
public sealed class NodeMetrics
{
    private static readonly double[] HandlerBuckets = Histogram.ExponentialBuckets(0.0001, 4, 10);
    private static readonly double[] BlockBuckets = Histogram.ExponentialBuckets(0.001, 4, 10);

    public NodeMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Metrics.NewCustomRegistry();
        var f = Metrics.WithCustomRegistry(Registry);
        BlocksProcessed = f.CreateCounter("deployment_blocks_processed_total", "Blocks a deployment has processed", "deployment");
        TriggersProcessed = f.CreateCounter("deployment_triggers_processed_total", "Triggers (events, calls, blocks) handled", "deployment");
        BlockProcessingSeconds = f.CreateHistogram("deployment_block_processing_duration", "Seconds to process one block (triggers and store write)",
            new HistogramConfiguration { LabelNames = ["deployment"], Buckets = BlockBuckets });
        HandlerSeconds = f.CreateHistogram("deployment_handler_execution_time", "Seconds spent in one mapping handler call",
            new HistogramConfiguration { LabelNames = ["deployment", "handler"], Buckets = HandlerBuckets });
        DeploymentHead = f.CreateGauge("deployment_head", "The latest block a deployment has processed", "deployment");
        HeadLagBlocks = f.CreateGauge("deployment_head_lag_blocks", "Chain head minus the deployment's latest block", "deployment");
        DeploymentFailed = f.CreateGauge("deployment_failed", "1 when the deployment stopped on a deterministic error", "deployment");
        ChainHead = f.CreateGauge("ethereum_chain_head_number", "The chain head block number the node has seen", "network");
        RpcCalls = f.CreateCounter("eth_rpc_requests_total", "JSON-RPC calls to the chain", "method");
        RpcErrors = f.CreateCounter("eth_rpc_errors_total", "JSON-RPC calls to the chain that failed", "method");
        RpcSeconds = f.CreateHistogram("eth_rpc_request_duration_seconds", "Seconds per JSON-RPC call to the chain",
            new HistogramConfiguration { LabelNames = ["method"], Buckets = HandlerBuckets });
        DbSeconds = f.CreateHistogram("store_transaction_duration_seconds", "Seconds per store transaction (a block's or a batch's writes)",
            new HistogramConfiguration { LabelNames = ["deployment"], Buckets = BlockBuckets });
        MappingSeconds = f.CreateCounter("deployment_mapping_seconds_total", "Seconds the runner spent mapping blocks (WebAssembly handlers, entity cache)", "deployment");
        StoreWriteSeconds = f.CreateCounter("deployment_store_write_seconds_total", "Seconds the runner's store writer spent in transactions (overlaps mapping)", "deployment");
        BatchesCommitted = f.CreateCounter("deployment_batches_committed_total", "Store transactions committed (a block or a batch of blocks each)", "deployment");
        Retries = f.CreateCounter("deployment_retries_total", "Non-deterministic failures retried (RPC, database)", "deployment");
        Reverts = f.CreateCounter("deployment_reverts_total", "Reorgs reverted", "deployment");
        AdminRequests = f.CreateCounter("node_admin_requests_total", "Admin JSON-RPC calls by method and outcome (ok, error)", "method", "outcome");
        IpfsAddedBytes = f.CreateCounter("node_ipfs_added_bytes_total", "File bytes received by /api/v0/add");
    }

    /// <summary>Where the metrics live; <c>/metrics</c> serves this registry.</summary>
    public CollectorRegistry Registry { get; }

    public Counter BlocksProcessed { get; }

    public Counter TriggersProcessed { get; }

    public Histogram BlockProcessingSeconds { get; }

    public Histogram HandlerSeconds { get; }

    public Gauge DeploymentHead { get; }

    public Gauge HeadLagBlocks { get; }

    public Gauge DeploymentFailed { get; }

    public Gauge ChainHead { get; }

    public Counter RpcCalls { get; }

    public Counter RpcErrors { get; }

    public Histogram RpcSeconds { get; }

    public Histogram DbSeconds { get; }

    public Counter MappingSeconds { get; }

    public Counter StoreWriteSeconds { get; }

    public Counter BatchesCommitted { get; }

    public Counter Retries { get; }

    public Counter Reverts { get; }

    public Counter AdminRequests { get; }

    public Counter IpfsAddedBytes { get; }

    /// <summary>A block processed: counts it, its triggers and its duration.</summary>
    public void BlockProcessed(string deployment, int triggers, TimeSpan elapsed)
    {
        BlocksProcessed.WithLabels(deployment).Inc();
        TriggersProcessed.WithLabels(deployment).Inc(triggers);
        BlockProcessingSeconds.WithLabels(deployment).Observe(elapsed.TotalSeconds);
    }

    /// <summary>What a runner did since the last report (the indexing loop reports its counters' differences).</summary>
    public void AddRunnerProgress(string deployment, long blocks, long triggers, TimeSpan mapping, TimeSpan writing, long batches, long retries, long reverts)
    {
        static double Positive(double value) => value > 0 ? value : 0;
        BlocksProcessed.WithLabels(deployment).Inc(Positive(blocks));
        TriggersProcessed.WithLabels(deployment).Inc(Positive(triggers));
        MappingSeconds.WithLabels(deployment).Inc(Positive(mapping.TotalSeconds));
        StoreWriteSeconds.WithLabels(deployment).Inc(Positive(writing.TotalSeconds));
        BatchesCommitted.WithLabels(deployment).Inc(Positive(batches));
        Retries.WithLabels(deployment).Inc(Positive(retries));
        Reverts.WithLabels(deployment).Inc(Positive(reverts));
    }

    /// <summary>One mapping handler call.</summary>
    public void HandlerExecuted(string deployment, string handler, TimeSpan elapsed) =>
        HandlerSeconds.WithLabels(deployment, handler).Observe(elapsed.TotalSeconds);

    /// <summary>One chain JSON-RPC call, failed or not.</summary>
    public void RpcCall(string method, TimeSpan elapsed, bool failed)
    {
        RpcCalls.WithLabels(method).Inc();
        RpcSeconds.WithLabels(method).Observe(elapsed.TotalSeconds);
        if (failed)
        {
            RpcErrors.WithLabels(method).Inc();
        }
    }

    /// <summary>One store transaction.</summary>
    public void StoreTransaction(string deployment, TimeSpan elapsed) => DbSeconds.WithLabels(deployment).Observe(elapsed.TotalSeconds);

    /// <summary>The deployment's latest block and how far behind the chain head it is.</summary>
    public void SetDeploymentHead(string deployment, long latestBlock, long chainHead)
    {
        DeploymentHead.WithLabels(deployment).Set(latestBlock);
        HeadLagBlocks.WithLabels(deployment).Set(Math.Max(0, chainHead - latestBlock));
    }

    /// <summary>The chain head of a network.</summary>
    public void SetChainHead(string network, long number) => ChainHead.WithLabels(network).Set(number);
}
