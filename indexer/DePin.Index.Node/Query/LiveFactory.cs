using DePin.Index.GraphQL;
using DePin.Index.Live;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DePin.Index.Node.Query;

/// <summary>
/// Composes the live layer (DePin.Index.Live) into the node: block notices (Redis when <c>DEPIN_REDIS_URL</c> is set), the result
/// cache in front of the query engine, the WebSocket endpoint of port 8001 and the live counters on <c>/metrics</c>.
/// </summary>
internal static class LiveFactory
{
    public static async Task<LiveServices> StartAsync(NodeOptions options, IGraphQLExecutor engine, ILoggerFactory loggers, List<IAsyncDisposable> owned,
        CancellationToken cancellationToken)
    {
        try
        {
            var heads = await HeadLoaderAsync(options, owned, cancellationToken).ConfigureAwait(false);
            var live = await LiveServices.StartAsync(options.Live, engine, loggers.CreateLogger("DePin.Index.Live"), heads, cancellationToken)
                .ConfigureAwait(false);
            owned.Insert(0, live); // stopped before the engine it wraps
            return live;
        }
        catch (ArgumentException e)
        {
            throw new NodeConfigurationException($"cannot start the live layer (block notices, result cache, subscriptions): {e.Message}", e);
        }
    }

    /// <summary>The store's cursor of a deployment (for the cache before the first notice); null without a database.</summary>
    private static async Task<Func<string, CancellationToken, Task<DeploymentHead?>>?> HeadLoaderAsync(NodeOptions options, List<IAsyncDisposable> owned,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresUrl))
        {
            return null;
        }

        var connectionString = options.PostgresUrl.Contains("://", StringComparison.Ordinal)
            ? DePin.Index.Store.PostgresUrl.ToConnectionString(options.PostgresUrl)
            : options.PostgresUrl;
        var store = await DePin.Index.Store.SubgraphStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        owned.Add(store);
        var opened = new System.Collections.Concurrent.ConcurrentDictionary<string, DePin.Index.Store.DeploymentStore>(StringComparer.Ordinal);
        return async (id, ct) =>
        {
            try
            {
                if (!opened.TryGetValue(id, out var deployment))
                {
                    deployment = opened.GetOrAdd(id, await store.OpenDeploymentAsync(id, ct).ConfigureAwait(false));
                }

                return await deployment.GetLatestBlockAsync(ct).ConfigureAwait(false) is { } b ? new DeploymentHead(b.Number, b.Hash.ToHex()) : null;
            }
            catch (Exception e) when (e is DePin.Index.Store.StoreException or Npgsql.NpgsqlException)
            {
                opened.TryRemove(id, out _);
                return null; // an unknown or removed deployment, or the database away: no caching for this request
            }
        };
    }

    public static SubscriptionEndpoint Endpoint(LiveServices live, IDeploymentRegistry registry, ILoggerFactory loggers) =>
        new(live.Executor, live.Hub,
            (name, ct) => registry.ResolveNameAsync(name, ct),
            async (id, ct) => await registry.FindDeploymentAsync(id, ct).ConfigureAwait(false) is not null,
            live.Options, live.Metrics, loggers.CreateLogger("DePin.Index.Live.Subscriptions"));

    /// <summary>Copies the live counters into <paramref name="metrics"/>' registry before each scrape.</summary>
    public static void ExportMetrics(LiveMetrics live, NodeMetrics metrics)
    {
        var f = Metrics.WithCustomRegistry(metrics.Registry);
        var cache = f.CreateCounter("depin_query_cache_total", "Result cache lookups and writes by outcome.", "outcome");
        var notices = f.CreateCounter("depin_block_notices_total", "Block notices by event.", "event");
        var pushes = f.CreateCounter("depin_subscription_pushes_total", "Subscription results sent (next messages).");
        var connections = f.CreateGauge("depin_ws_connections", "Open GraphQL WebSocket connections.");
        var subscriptions = f.CreateGauge("depin_ws_subscriptions", "Active GraphQL subscriptions.");
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            cache.WithLabels("hit").IncTo(live.CacheHits);
            cache.WithLabels("miss").IncTo(live.CacheMisses);
            cache.WithLabels("store").IncTo(live.CacheStores);
            cache.WithLabels("too_large").IncTo(live.CacheSkippedTooLarge);
            cache.WithLabels("error_result").IncTo(live.CacheSkippedErrors);
            cache.WithLabels("redis_failure").IncTo(live.CacheFailures);
            notices.WithLabels("published").IncTo(live.NoticesPublished);
            notices.WithLabels("received").IncTo(live.NoticesReceived);
            notices.WithLabels("failed").IncTo(live.NoticeFailures);
            pushes.IncTo(live.Pushes);
            connections.Set(live.Connections);
            subscriptions.Set(live.Subscriptions);
        });
    }
}
