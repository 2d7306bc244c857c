namespace DePin.Index.Live;

/// <summary>
/// Counters of the live layer (thread-safe; the node exports them on <c>/metrics</c>): result cache hits and misses, entries
/// stored or skipped, block notices published and received, subscription pushes, open WebSocket connections and subscriptions.
/// </summary>
public sealed class LiveMetrics
{
    private long _cacheHits;
    private long _cacheMisses;
    private long _cacheStores;
    private long _cacheSkippedTooLarge;
    private long _cacheSkippedErrors;
    private long _cacheFailures;
    private long _noticesPublished;
    private long _noticesReceived;
    private long _noticeFailures;
    private long _pushes;
    private long _connections;
    private long _subscriptions;

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    public long CacheMisses => Interlocked.Read(ref _cacheMisses);

    public long CacheStores => Interlocked.Read(ref _cacheStores);

    /// <summary>Results not stored because they exceeded <see cref="LiveOptions.CacheMaxEntryBytes"/>.</summary>
    public long CacheSkippedTooLarge => Interlocked.Read(ref _cacheSkippedTooLarge);

    /// <summary>Results not stored because they carried errors (never cached).</summary>
    public long CacheSkippedErrors => Interlocked.Read(ref _cacheSkippedErrors);

    /// <summary>Redis calls of the cache that failed (the query was answered without the cache).</summary>
    public long CacheFailures => Interlocked.Read(ref _cacheFailures);

    public long NoticesPublished => Interlocked.Read(ref _noticesPublished);

    public long NoticesReceived => Interlocked.Read(ref _noticesReceived);

    /// <summary>Notices that could not be published or decoded.</summary>
    public long NoticeFailures => Interlocked.Read(ref _noticeFailures);

    /// <summary>Subscription results sent (<c>next</c> messages).</summary>
    public long Pushes => Interlocked.Read(ref _pushes);

    /// <summary>Open WebSocket connections.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Active subscriptions over all connections.</summary>
    public long Subscriptions => Interlocked.Read(ref _subscriptions);

    internal void CacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void CacheMiss() => Interlocked.Increment(ref _cacheMisses);

    internal void CacheStored() => Interlocked.Increment(ref _cacheStores);

    internal void CacheTooLarge() => Interlocked.Increment(ref _cacheSkippedTooLarge);

    internal void CacheErrorSkipped() => Interlocked.Increment(ref _cacheSkippedErrors);

    internal void CacheFailed() => Interlocked.Increment(ref _cacheFailures);

    internal void NoticePublished() => Interlocked.Increment(ref _noticesPublished);

    internal void NoticeReceived() => Interlocked.Increment(ref _noticesReceived);

    internal void NoticeFailed() => Interlocked.Increment(ref _noticeFailures);

    internal void Pushed() => Interlocked.Increment(ref _pushes);

    internal void ConnectionOpened() => Interlocked.Increment(ref _connections);

    internal void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    internal void SubscriptionAdded() => Interlocked.Increment(ref _subscriptions);

    internal void SubscriptionRemoved() => Interlocked.Decrement(ref _subscriptions);
}
