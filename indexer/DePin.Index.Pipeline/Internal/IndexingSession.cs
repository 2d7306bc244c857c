using System.Diagnostics;
using DePin.Index.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Indexing;
using DePin.Index.Runtime;
using DePin.Index.Store;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// One attempt of a runner, from a load to an error or the end: the deployment's store, the compiled subgraph over the
/// entity mirror, the block stream from the committed cursor and the store writer. Three stages run at once: the stream
/// prefetches the next range, this class maps blocks on the caller's task, the writer commits the previous batch. Throws
/// whatever fails; the runner classifies it and disposes the session (which drops what is not committed).
/// </summary>
internal sealed class IndexingSession : IAsyncDisposable
{
    private readonly DeploymentStore _store;
    private readonly IChainReader _chain;
    private readonly DeploymentRunnerOptions _options;
    private readonly RunnerProgress _progress;
    private readonly EntityMirror _mirror;
    private readonly SubgraphInstance _instance;
    private readonly PollingBlockStream _stream;
    private readonly StoreWriter _writer;
    private PendingBatch _batch = new();
    private BlockPtr? _processed;
    private bool _indexesPostponed;
    private long? _prunedAt;

    private IndexingSession(DeploymentStore store, IChainReader chain, DeploymentRunnerOptions options, RunnerProgress progress,
        EntityMirror mirror, SubgraphInstance instance, BlockPtr? cursor, Hash32 digest, CancellationToken cancellationToken)
    {
        _store = store;
        _chain = chain;
        _options = options;
        _progress = progress;
        _mirror = mirror;
        _instance = instance;
        _processed = cursor;
        var dataSources = options.StopBlock is { } stop ? instance.DataSources.Select(d => d.WithEndBlock(stop)) : instance.DataSources;
        _stream = new PollingBlockStream(chain, dataSources, cursor, options.Stream);
        _writer = new StoreWriter(store, digest, options.MaxQueuedBatches, OnCommitted, progress.AddWriting, cancellationToken);
    }

    public DeploymentStore Store => _store;

    public BlockStreamDiagnostics StreamDiagnostics => _stream.Diagnostics;

    /// <summary>
    /// Opens (or creates) the deployment's store and, unless it has failed (then the session is null), loads what indexing
    /// needs: the cursor, the POI digest as of it, the dynamic data sources, the entity cache (whole when it fits) and the
    /// compiled mappings.
    /// </summary>
    public static async Task<(IndexingSession? Session, DeploymentStatus Status)> OpenAsync(DeploymentDescriptor deployment, PipelineStore store,
        IChainReader chain, DeploymentRunnerOptions options, RunnerProgress progress, CancellationToken cancellationToken)
    {
        var deployments = await store.Subgraphs.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false);
        var ds = deployments.Contains(deployment.Id, StringComparer.Ordinal)
            ? await store.Subgraphs.OpenDeploymentAsync(deployment.Id, cancellationToken).ConfigureAwait(false)
            : await store.Subgraphs.CreateDeploymentAsync(deployment.ToSpec(), options.Ddl, cancellationToken).ConfigureAwait(false);
        var status = await ds.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        progress.SetCommitted(status.LatestBlock?.ToChain());
        progress.Synced = status.Synced;
        if (status.Synced && status.IndexesPostponed && status.Health != DeploymentHealth.Failed)
        {
            await ds.CreatePostponedIndexesAsync(cancellationToken).ConfigureAwait(false);
        }
        if (status.Health == DeploymentHealth.Failed)
        {
            return (null, status);
        }

        var cursor = status.LatestBlock?.ToChain();
        var manifest = deployment.Definition.Manifest;
        var dynamic = new List<DataSourceInstance>();
        foreach (var d in await ds.LoadDynamicDataSourcesAsync(cancellationToken).ConfigureAwait(false))
        {
            var template = manifest.FindTemplate(d.Template)
                ?? throw new InvalidOperationException($"deployment {deployment.Id}: stored data source of block {d.Block} names template '{d.Template}', which the manifest lacks");
            var address = d.Address ?? throw new InvalidOperationException($"deployment {deployment.Id}: stored data source '{d.Template}' of block {d.Block} has no address");
            dynamic.Add(DataSourceInstance.FromTemplate(template, address, d.Block, d.Context));
        }

        var digest = status.LatestBlock is { } latest
            ? await ds.GetPoiAsync(latest.Number, cancellationToken).ConfigureAwait(false) ?? Hash32.Zero
            : Hash32.Zero;
        var mirror = new EntityMirror(ds, store.Sql, options.EntityCacheCapacity);
        await mirror.PreloadAsync(status.EntityCount, cancellationToken).ConfigureAwait(false);
        var instance = new SubgraphInstance(deployment.Definition, mirror, new SubgraphInstanceOptions
        {
            Host = options.Host,
            Ethereum = options.Ethereum,
            Log = options.Log,
            DynamicDataSources = dynamic,
        });
        try
        {
            var session = new IndexingSession(ds, chain, options, progress, mirror, instance, cursor, digest, cancellationToken)
            {
                _indexesPostponed = status.IndexesPostponed && !status.Synced,
            };
            return (session, status);
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    /// <summary>Consumes the stream until it ends or the stop block is committed; returns normally only then.</summary>
    public async Task IndexAsync(CancellationToken cancellationToken)
    {
        using var streamStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = _stream.ReadAllAsync(streamStop.Token).GetAsyncEnumerator(streamStop.Token);
        ValueTask<bool> next = default;
        try
        {
            while (true)
            {
                next = events.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    await IdleAsync(cancellationToken).ConfigureAwait(false);
                }

                var waited = Stopwatch.GetTimestamp();
                var more = await next.ConfigureAwait(false);
                _progress.AddStreamWait(Stopwatch.GetTimestamp() - waited);
                next = default;
                if (!more)
                {
                    break;
                }

                var done = events.Current switch
                {
                    ProcessBlocks blocks => await ProcessAsync(blocks, cancellationToken).ConfigureAwait(false),
                    Revert revert => await RevertAsync(revert, cancellationToken).ConfigureAwait(false),
                    var other => throw new InvalidOperationException($"unknown block stream event {other}"),
                };
                if (done)
                {
                    return;
                }
            }

            await CommitPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await streamStop.CancelAsync().ConfigureAwait(false);
            if (!next.IsCompleted)
            {
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The stream was stopped because something else failed; that failure is the one reported.
                }
            }

            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the blocks mapped so far and waits until they are committed (before a failure is recorded, or at the end).</summary>
    public async Task CommitPendingAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        await _writer.DrainAsync(cancellationToken).ConfigureAwait(false);
        _progress.AddWriterWait(Stopwatch.GetTimestamp() - started);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _instance.Dispose();
        _mirror.Reset();
    }

    /// <summary>Maps the blocks of an event; true when the stop block was reached and committed.</summary>
    private async Task<bool> ProcessAsync(ProcessBlocks blocks, CancellationToken cancellationToken)
    {
        foreach (var block in blocks.Blocks)
        {
            var started = Stopwatch.GetTimestamp();
            var changes = await _instance.ProcessBlockAsync(block, _stream.AddDataSourcesAsync, cancellationToken).ConfigureAwait(false);
            _mirror.Apply(changes.Modifications);
            _batch.Add(changes);
            _progress.AddMapping(Stopwatch.GetTimestamp() - started);
            _processed = block.Ptr;
            _progress.Processed(1, changes.HandlersRun);
            _progress.CacheReads = _mirror.StoreReads;
            if (_mirror.Count > _options.EntityCacheCapacity)
            {
                _mirror.Evict(_writer.Uncommitted.Concat(_batch.Modifications));
            }

            if (_options.StopBlock is { } stop && block.Number >= stop)
            {
                await CommitPendingAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (_batch.Blocks >= _options.MaxBlocksPerBatch || _batch.Modifications.Count >= _options.MaxChangesPerBatch
                || _batch.Age >= _options.MaxBatchDuration)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
                await MaybePruneAsync(cancellationToken).ConfigureAwait(false);
            }

            if (changes.CreatedDataSources.Count > 0)
            {
                // The stream now continues after this block with the new data sources; the rest of this event is stale.
                break;
            }
        }

        return false;
    }

    /// <summary>A reorg: commit what is mapped, undo the store above the ancestor, forget the cache, go on from the ancestor.</summary>
    private async Task<bool> RevertAsync(Revert revert, CancellationToken cancellationToken)
    {
        await CommitPendingAsync(cancellationToken).ConfigureAwait(false);
        var latest = await _store.GetLatestBlockAsync(cancellationToken).ConfigureAwait(false);
        if (latest is { } head && head.Number > revert.To.Number)
        {
            await _store.RevertAsync(revert.To.ToStore(), cancellationToken).ConfigureAwait(false);
        }

        _instance.RevertTo(revert.To);
        _mirror.Reset();
        _writer.Digest = await _store.GetPoiAsync(checked((int)revert.To.Number), cancellationToken).ConfigureAwait(false) ?? Hash32.Zero;
        _processed = revert.To;
        _progress.Reverted();
        _progress.SetCommitted(revert.To);
        _options.Log?.Invoke(MappingLogLevel.Info, $"{_store.DeploymentId}: reverted to {revert.To}");
        _options.OnReverted?.Invoke(new BatchCommit(revert.To, 0, 0, 0, Stopwatch.GetTimestamp()) { DeploymentId = _store.DeploymentId });
        return false;
    }

    /// <summary>
    /// The stream has nothing ready (near the head, or fetching is slower than mapping): commit what is mapped now rather than
    /// wait, and until the deployment is synced, compare the cursor with the chain head.
    /// </summary>
    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await MaybePruneAsync(cancellationToken, drain: true).ConfigureAwait(false);
        if (_progress.Synced || _processed is not { } processed)
        {
            return;
        }

        var head = await _chain.GetHeadNumberAsync(cancellationToken).ConfigureAwait(false);
        _progress.ChainHead = head;
        if (processed.Number >= head)
        {
            await _writer.DrainAsync(cancellationToken).ConfigureAwait(false);
            await _store.MarkSyncedAsync(cancellationToken).ConfigureAwait(false);
            _progress.Synced = true;
            if (_indexesPostponed)
            {
                // graph-node's postponed index creation: the attribute indexes queries need, built once backfill is over.
                var started = Stopwatch.GetTimestamp();
                await _store.CreatePostponedIndexesAsync(cancellationToken).ConfigureAwait(false);
                _indexesPostponed = false;
                _options.Log?.Invoke(MappingLogLevel.Info,
                    $"{_store.DeploymentId}: attribute indexes created in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            }
            _options.Log?.Invoke(MappingLogLevel.Info, $"{_store.DeploymentId}: synced at {processed}");
        }
    }

    /// <summary>
    /// With <see cref="DeploymentRunnerOptions.HistoryBlocks"/> set, every <see cref="DeploymentRunnerOptions.PruneEveryBlocks"/>
    /// committed blocks: deletes the versions that ended before <c>head − HistoryBlocks</c> (its own transaction, serialised with
    /// the writer's by the deployment's row lock; the reorg window is never touched, the options check that).
    /// </summary>
    private async Task MaybePruneAsync(CancellationToken cancellationToken, bool drain = false)
    {
        if (_options.HistoryBlocks is not { } history || _processed is not { } processed
            || (_prunedAt is { } last && processed.Number - last < _options.PruneEveryBlocks))
        {
            return;
        }

        if (drain)
        {
            await _writer.DrainAsync(cancellationToken).ConfigureAwait(false); // idle: let the head's blocks commit first
        }

        if (_progress.Committed is not { } committed || (_prunedAt is { } previous && committed.Number - previous < _options.PruneEveryBlocks))
        {
            return;
        }

        _prunedAt = committed.Number;
        var threshold = (_options.Stream ?? new BlockStreamOptions()).ReorgThreshold;
        var started = Stopwatch.GetTimestamp();
        var result = await _store.PruneAsync(history, threshold, cancellationToken).ConfigureAwait(false);
        _progress.Pruned(result.RowsDeleted);
        if (result.RowsDeleted > 0)
        {
            _options.Log?.Invoke(MappingLogLevel.Info,
                $"{_store.DeploymentId}: pruned {result.RowsDeleted} versions; history kept from block {result.EarliestBlock} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.IsEmpty)
        {
            return;
        }

        var batch = _batch;
        _batch = new PendingBatch();
        var started = Stopwatch.GetTimestamp();
        await _writer.EnqueueAsync(batch, cancellationToken).ConfigureAwait(false);
        _progress.AddWriterWait(Stopwatch.GetTimestamp() - started);
    }

    /// <summary>On the writer's task, after each commit.</summary>
    private void OnCommitted(PendingBatch batch)
    {
        var cursor = batch.Cursor!.Value;
        _progress.Commit(cursor, batch.Modifications.Count);
        if (_options.OnCommitted is { } onCommitted)
        {
            onCommitted(new BatchCommit(cursor, batch.Blocks, batch.Modifications.Count, batch.Handlers, Stopwatch.GetTimestamp())
            {
                DeploymentId = _store.DeploymentId,
                EntityTypes = batch.Modifications.Select(m => m.EntityType).Distinct(StringComparer.Ordinal).ToArray(),
            });
        }
    }
}
