using DePin.Index.GraphQL;
using DePin.Index.Live.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DePin.Index.Live;

/// <summary>
/// The live layer of one node, composed from <see cref="LiveOptions"/>: with <see cref="LiveOptions.RedisUrl"/> the block notices
/// go through Redis pub/sub (several processes) and query results are cached in Redis; without it notices stay in the process and
/// nothing is cached. <see cref="Executor"/> is what the HTTP and WebSocket endpoints should run queries with.
/// <code>
/// await using var live = await LiveServices.StartAsync(LiveOptions.FromEnvironment(), engine, logger);
/// runnerOptions = runnerOptions with { OnCommitted = c => _ = live.Bus.PublishAsync(new BlockNotice(…)) };
/// </code>
/// </summary>
public sealed class LiveServices : IAsyncDisposable
{
    private readonly ConnectionMultiplexer? _redis;

    private LiveServices(LiveOptions options, IBlockNoticeBus bus, LiveHub hub, IGraphQLExecutor executor, LiveMetrics metrics, ConnectionMultiplexer? redis)
    {
        Options = options;
        Bus = bus;
        Hub = hub;
        Executor = executor;
        Metrics = metrics;
        _redis = redis;
    }

    public LiveOptions Options { get; }

    /// <summary>Where the indexing side publishes and everyone listens.</summary>
    public IBlockNoticeBus Bus { get; }

    public LiveHub Hub { get; }

    /// <summary>The engine behind the result cache (the engine itself when there is no cache).</summary>
    public IGraphQLExecutor Executor { get; }

    public LiveMetrics Metrics { get; }

    /// <summary>True when notices and the cache go through Redis.</summary>
    public bool UsesRedis => _redis is not null;

    /// <summary>Connects to Redis when configured (the node keeps running while Redis is away) and starts the notice hub.</summary>
    /// <exception cref="ArgumentException">for a malformed <see cref="LiveOptions.RedisUrl"/> or settings out of range.</exception>
    public static async Task<LiveServices> StartAsync(LiveOptions options, IGraphQLExecutor engine, ILogger? logger = null,
        Func<string, CancellationToken, Task<DeploymentHead?>>? headLoader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        options.Validated();
        logger ??= NullLogger.Instance;
        var metrics = new LiveMetrics();
        var heads = new DeploymentHeads(headLoader);
        if (string.IsNullOrWhiteSpace(options.RedisUrl))
        {
            var local = new InProcessBlockNoticeBus(metrics, logger);
            var localHub = await LiveHub.StartAsync(local, heads, engine, logger, cancellationToken).ConfigureAwait(false);
            return new LiveServices(options, local, localHub, engine, metrics, null);
        }

        var redis = await RedisConfig.ConnectAsync(options.RedisUrl).ConfigureAwait(false);
        if (!redis.IsConnected)
        {
            logger.LogWarning("Redis at {Redis} does not answer yet: block notices and the result cache wait for it (queries are answered meanwhile)", options.RedisUrl);
        }

        var bus = new RedisBlockNoticeBus(redis, options.RedisPrefix, metrics, logger);
        var hub = await LiveHub.StartAsync(bus, heads, engine, logger, cancellationToken).ConfigureAwait(false);
        IGraphQLExecutor executor = options.CacheEnabled
            ? new CachingGraphQLExecutor(engine, new RedisQueryResultCache(redis, options, metrics, logger), heads, options.RedisPrefix)
            : engine;
        return new LiveServices(options, bus, hub, executor, metrics, redis);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync().ConfigureAwait(false);
        await Bus.DisposeAsync().ConfigureAwait(false);
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }
}
