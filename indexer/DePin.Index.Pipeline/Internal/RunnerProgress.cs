using DePin.Index.Chain;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// What a runner has done, updated by its mapping and writer tasks and read by anyone (status, waiters). Counters are
/// atomic; <see cref="Changed"/> completes (and is replaced) at every commit and state change.
/// </summary>
internal sealed class RunnerProgress
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BlockPtr? _committed;
    private long _blocks, _handlers, _modifications, _batches, _reverts, _retries, _cacheReads, _pruned;
    private long _chainHead = -1;
    private long _mapTicks, _streamTicks, _writerWaitTicks, _writeTicks;
    private volatile bool _synced;

    public BlockPtr? Committed
    {
        get
        {
            lock (_lock)
            {
                return _committed;
            }
        }
    }

    public long? ChainHead
    {
        get => Interlocked.Read(ref _chainHead) is var v && v >= 0 ? v : null;
        set => Interlocked.Exchange(ref _chainHead, value ?? -1);
    }

    public bool Synced
    {
        get => _synced;
        set => _synced = value;
    }

    public long Blocks => Interlocked.Read(ref _blocks);

    public long Handlers => Interlocked.Read(ref _handlers);

    public long Modifications => Interlocked.Read(ref _modifications);

    public long Batches => Interlocked.Read(ref _batches);

    public long Reverts => Interlocked.Read(ref _reverts);

    /// <summary>Entity versions deleted by pruning.</summary>
    public long PrunedVersions => Interlocked.Read(ref _pruned);

    public long Retries => Interlocked.Read(ref _retries);

    public long CacheReads
    {
        get => Interlocked.Read(ref _cacheReads);
        set => Interlocked.Exchange(ref _cacheReads, value);
    }

    public StageTimes Times => new(
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _mapTicks)),
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _streamTicks)),
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writerWaitTicks)),
        System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks)));

    public void AddMapping(long ticks) => Interlocked.Add(ref _mapTicks, ticks);

    public void AddStreamWait(long ticks) => Interlocked.Add(ref _streamTicks, ticks);

    public void AddWriterWait(long ticks) => Interlocked.Add(ref _writerWaitTicks, ticks);

    public void AddWriting(long ticks) => Interlocked.Add(ref _writeTicks, ticks);

    /// <summary>Completes at the next commit or state change.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public void Processed(int blocks, int handlers)
    {
        Interlocked.Add(ref _blocks, blocks);
        Interlocked.Add(ref _handlers, handlers);
    }

    public void Commit(BlockPtr cursor, int modifications)
    {
        Interlocked.Add(ref _modifications, modifications);
        Interlocked.Increment(ref _batches);
        SetCommitted(cursor);
    }

    /// <summary>The cursor as read from the store (at load) or set by a revert.</summary>
    public void SetCommitted(BlockPtr? cursor)
    {
        lock (_lock)
        {
            _committed = cursor;
        }

        Signal();
    }

    public void Reverted() => Interlocked.Increment(ref _reverts);

    public void Pruned(long versions) => Interlocked.Add(ref _pruned, versions);

    public void Retried() => Interlocked.Increment(ref _retries);

    public void Signal()
    {
        TaskCompletionSource old;
        lock (_lock)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }
}
