namespace DePin.Index.Live;

/// <summary>
/// Where block notices travel: <see cref="InProcessBlockNoticeBus"/> inside one process, <see cref="RedisBlockNoticeBus"/> across
/// processes (Redis pub/sub). Publishing never throws for a transport failure (it is logged and counted: indexing must go on);
/// subscribers get the notices of one deployment or of all, in publication order per deployment.
/// </summary>
public interface IBlockNoticeBus : IAsyncDisposable
{
    /// <summary>Publishes <paramref name="notice"/> (stamping <see cref="BlockNotice.PublishedAtMicros"/> when it is 0).</summary>
    Task PublishAsync(BlockNotice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for each notice of <paramref name="deploymentId"/> (every deployment when null) until the
    /// returned handle is disposed. A handler's exception is logged and does not stop the subscription.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string? deploymentId, Func<BlockNotice, ValueTask> handler, CancellationToken cancellationToken = default);
}
