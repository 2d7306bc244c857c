namespace DePin.Index.Chain;

/// <summary>Counters of a <see cref="PollingBlockStream"/> (updated by its background reader, safe to read any time).</summary>
public sealed class BlockStreamDiagnostics
{
    private long _ranges, _logs, _shrinks, _grows, _retries, _reverts, _headBlocks;
    private int _rangeSize;
    private string? _lastError;

    /// <summary>eth_getLogs ranges scanned in the final region.</summary>
    public long RangesScanned => Interlocked.Read(ref _ranges);

    /// <summary>Logs received from eth_getLogs (matched or not).</summary>
    public long LogsFetched => Interlocked.Read(ref _logs);

    /// <summary>Times the range was halved (node limit, timeout, oversized answer, too many logs).</summary>
    public long RangeShrinks => Interlocked.Read(ref _shrinks);

    /// <summary>Times the range was doubled after a small answer.</summary>
    public long RangeGrows => Interlocked.Read(ref _grows);

    /// <summary>Failed steps retried after a backoff.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Revert events produced.</summary>
    public long Reverts => Interlocked.Read(ref _reverts);

    /// <summary>Blocks scanned one by one near the head.</summary>
    public long HeadBlocks => Interlocked.Read(ref _headBlocks);

    /// <summary>The current backfill range size in blocks.</summary>
    public int CurrentRangeSize => Volatile.Read(ref _rangeSize);

    /// <summary>The message of the last retried failure, if any.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void Range(int logs) { Interlocked.Increment(ref _ranges); Interlocked.Add(ref _logs, logs); }
    internal void HeadLogs(int logs) => Interlocked.Add(ref _logs, logs);
    internal void Shrink() => Interlocked.Increment(ref _shrinks);
    internal void Grow() => Interlocked.Increment(ref _grows);
    internal void Retry(Exception e) { Interlocked.Increment(ref _retries); Volatile.Write(ref _lastError, e.Message); }
    internal void Reverted() => Interlocked.Increment(ref _reverts);
    internal void HeadBlock(int count) => Interlocked.Add(ref _headBlocks, count);
    internal void SetRangeSize(int size) => Volatile.Write(ref _rangeSize, size);
}
