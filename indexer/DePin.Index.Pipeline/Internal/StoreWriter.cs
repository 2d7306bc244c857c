using System.Collections.Concurrent;
using System.Threading.Channels;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// The store stage of a runner: chains the proof-of-indexing digest through the blocks of each batch handed to it and commits
/// the batch, in order, one transaction each, on a task of its own, so the mapping of the next batch overlaps the digests and
/// the write of this one. At most <c>capacity</c> batches wait (the mapper then waits:
/// backpressure). The first failure stops it: that batch and every later one fail with the error, and nothing more is
/// written — the runner reloads from the store's cursor, so no block is skipped or written twice.
/// </summary>
internal sealed class StoreWriter : IAsyncDisposable
{
    private readonly DeploymentStore _store;
    private readonly Channel<PendingBatch> _queue;
    private readonly ConcurrentQueue<PendingBatch> _inFlight = new();
    private readonly Action<PendingBatch> _onCommitted;
    private readonly Action<long> _writing;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private PendingBatch? _last;
    private volatile Exception? _fault;

    public StoreWriter(DeploymentStore store, Hash32 digest, int capacity, Action<PendingBatch> onCommitted, Action<long> writing,
        CancellationToken cancellationToken)
    {
        Digest = digest;
        _writing = writing;
        _store = store;
        _onCommitted = onCommitted;
        _queue = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>
    /// The proof-of-indexing digest after the last batch handed over (chained as batches are written). Set it only while nothing is
    /// queued (after <see cref="DrainAsync"/>), e.g. to the store's digest after a revert.
    /// </summary>
    public Hash32 Digest { get; set; }

    /// <summary>The changes of batches handed over and not yet committed (the mirror must not forget them).</summary>
    public IEnumerable<Store.EntityModification> Uncommitted => _inFlight.SelectMany(b => b.Modifications);

    /// <summary>Hands a batch over; waits while <c>capacity</c> batches are queued.</summary>
    /// <exception cref="Exception">the writer's failure, if it failed.</exception>
    public async ValueTask EnqueueAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        ThrowIfFaulted();
        _inFlight.Enqueue(batch);
        _last = batch;
        try
        {
            await _queue.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            ThrowIfFaulted();
            throw;
        }
    }

    /// <summary>Waits until everything handed over is committed.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        ThrowIfFaulted();
        if (_last is { } last)
        {
            // The loop ends only on a failure (or disposal): then the batch may never complete.
            await Task.WhenAny(last.Committed.Task, _loop).WaitAsync(cancellationToken).ConfigureAwait(false);
            ThrowIfFaulted();
            await last.Committed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var pois = ProofOfIndexing.Digests(Digest, batch.Modifications);
                try
                {
                    await _store.WriteAsync(batch.ToWriteBatch(pois), cancellationToken).ConfigureAwait(false);
                }
                catch (StoreException e)
                {
                    throw new StoreRefusalException(batch.FirstBlock, batch.Cursor!.Value, e);
                }
                if (pois.Count > 0)
                {
                    Digest = pois[^1].Digest;
                }

                _writing(System.Diagnostics.Stopwatch.GetTimestamp() - started);
                _inFlight.TryDequeue(out _);
                _onCommitted(batch);
                batch.Committed.TrySetResult();
            }
        }
        catch (Exception e)
        {
            _fault = e;
            _queue.Writer.TryComplete(e);
            while (_inFlight.TryDequeue(out var failed))
            {
                failed.Committed.TrySetException(e);
            }

            while (_queue.Reader.TryRead(out var queued))
            {
                queued.Committed.TrySetException(e);
            }
        }
    }
}
