using DePin.Index.Live.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DePin.Index.Live;

/// <summary>
/// Block notices across processes over Redis pub/sub. One channel per deployment, <c>{prefix}blocks:{deploymentId}</c>, carrying
/// the notice as JSON (see README); a process subscribes once to the pattern <c>{prefix}blocks:*</c> and hands notices to its local
/// subscribers, so its own notices come back through Redis like everyone else's (one path, one order). A publish that fails
/// (Redis away) is logged and counted, never thrown: indexing goes on and caches keyed by block stay correct.
/// </summary>
public sealed class RedisBlockNoticeBus : IBlockNoticeBus
{
    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly string _prefix;
    private readonly LiveMetrics _metrics;
    private readonly ILogger _logger;
    private readonly NoticeFanout _fanout;
    private readonly SemaphoreSlim _subscribeGate = new(1, 1);
    private ChannelMessageQueue? _queue;

    /// <param name="redis">The connection (not disposed by the bus unless <paramref name="ownsConnection"/>).</param>
    /// <param name="prefix">Channel prefix (<see cref="LiveOptions.RedisPrefix"/>).</param>
    public RedisBlockNoticeBus(IConnectionMultiplexer redis, string prefix = "depin:", LiveMetrics? metrics = null, ILogger? logger = null, bool ownsConnection = false)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _ownsConnection = ownsConnection;
        _prefix = prefix ?? "";
        _metrics = metrics ?? new LiveMetrics();
        _logger = logger ?? NullLogger.Instance;
        _fanout = new NoticeFanout(_metrics, _logger);
    }

    /// <summary>Connects to <paramref name="url"/> (see <see cref="LiveOptions.RedisUrl"/>); the bus owns the connection.</summary>
    /// <exception cref="ArgumentException">for a malformed URL.</exception>
    public static async Task<RedisBlockNoticeBus> ConnectAsync(string url, string prefix = "depin:", LiveMetrics? metrics = null, ILogger? logger = null) =>
        new(await RedisConfig.ConnectAsync(url).ConfigureAwait(false), prefix, metrics, logger, ownsConnection: true);

    /// <summary>The channel of <paramref name="deploymentId"/>'s notices.</summary>
    public string ChannelOf(string deploymentId) => $"{_prefix}blocks:{deploymentId}";

    public async Task PublishAsync(BlockNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var stamped = notice.PublishedAtMicros == 0 ? notice with { PublishedAtMicros = BlockNotice.NowMicros() } : notice;
        try
        {
            await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChannelOf(stamped.DeploymentId)), NoticeCodec.Encode(stamped)).ConfigureAwait(false);
            _metrics.NoticePublished();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _metrics.NoticeFailed();
            _logger.LogWarning("Could not publish the block notice of {Deployment} at block {Block} on Redis: {Error}", stamped.DeploymentId, stamped.BlockNumber, e.Message);
        }
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string? deploymentId, Func<BlockNotice, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        await EnsureSubscribedAsync(cancellationToken).ConfigureAwait(false);
        return _fanout.Add(deploymentId, handler);
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
        {
            try
            {
                await _queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _logger.LogDebug("Unsubscribing from block notices failed: {Error}", e.Message);
            }
        }

        await _fanout.DisposeAsync().ConfigureAwait(false);
        if (_ownsConnection)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }

        _subscribeGate.Dispose();
    }

    private async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            return;
        }

        await _subscribeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_queue is null)
            {
                var queue = await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern($"{_prefix}blocks:*")).ConfigureAwait(false);
                queue.OnMessage(OnMessage);
                _queue = queue;
            }
        }
        finally
        {
            _subscribeGate.Release();
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        var text = (string?)message.Message ?? "";
        var notice = NoticeCodec.TryDecode(text, out var error);
        if (notice is null)
        {
            _metrics.NoticeFailed();
            _logger.LogWarning("Ignored a malformed block notice on {Channel}: {Error}", message.Channel.ToString(), error);
            return;
        }

        _fanout.Deliver(notice);
    }
}
