using System.Text.Json;
using DePin.Index.GraphQL;

namespace DePin.Index.Live.Tests;

/// <summary>The Redis result cache in front of the real query engine (PostgreSQL), learning blocks only through Redis notices.</summary>
public sealed class ResultCacheTests(LiveFixture fx) : IClassFixture<LiveFixture>
{
    private Task<GraphQLResult> Run(string query, string? variables = null) =>
        fx.Executor.ExecuteAsync(fx.DeploymentId, new GraphQLQuery(query, variables is null ? null : JsonDocument.Parse(variables).RootElement));

    [Fact]
    public async Task The_same_query_written_differently_is_a_hit_and_a_new_block_a_miss()
    {
        await fx.WaitForHeadAsync(fx.Block);
        var misses = fx.Metrics.CacheMisses;
        var hits = fx.Metrics.CacheHits;
        var first = await Run("query($k: String) { devices(first: 3, where: {kind: $k}, orderBy: id) { id rewards } }", """{"k": "storage"}""");
        var second = await Run("""
            # same question
            query ($k: String) {
              devices(orderBy: id, first: 3 where: { kind: $k }) { id, rewards }
            }
            """, """{ "k" : "storage" }""");
        Assert.False(first.HasErrors, first.Json);
        Assert.Contains("d01", first.Json, StringComparison.Ordinal);
        Assert.Equal(first.Json, second.Json);
        Assert.Equal(misses + 1, fx.Metrics.CacheMisses);
        Assert.Equal(hits + 1, fx.Metrics.CacheHits);

        var notice = await fx.CommitAsync([DeviceData.Device("d01", "storage", 999_999, 0, update: true)]);
        await fx.WaitForHeadAsync(notice.BlockNumber);
        var third = await Run("query($k: String) { devices(first: 3, where: {kind: $k}, orderBy: id) { id rewards } }", """{"k": "storage"}""");
        Assert.Contains("999999", third.Json, StringComparison.Ordinal);
        Assert.Equal(misses + 2, fx.Metrics.CacheMisses);
    }

    [Fact]
    public async Task Identical_requests_in_flight_share_one_lookup_and_execution()
    {
        var notice = await fx.CommitAsync([DeviceData.Stat("all", 4321, 0, update: true)]);
        await fx.WaitForHeadAsync(notice.BlockNumber);
        var misses = fx.Metrics.CacheMisses;
        var hits = fx.Metrics.CacheHits;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Run("{ devices(first: 20, orderBy: rewards) { id rewards proofs { id } } }"))));
        Assert.Single(results.Select(r => r.Json).Distinct(StringComparer.Ordinal));
        Assert.Equal(misses + 1, fx.Metrics.CacheMisses); // one lookup missed; the others waited for it or hit what it stored
        Assert.InRange(fx.Metrics.CacheHits - hits, 0, 15);
    }

    [Fact]
    public async Task Errors_are_never_cached()
    {
        await fx.WaitForHeadAsync(fx.Block);
        var stores = fx.Metrics.CacheStores;
        var a = await Run("{ devices { id nosuchfield } }");
        var b = await Run("{ devices { id nosuchfield } }");
        Assert.True(a.HasErrors);
        Assert.True(b.HasErrors);
        Assert.Equal(stores, fx.Metrics.CacheStores);
    }

    [Fact]
    public async Task Entries_have_the_ttl_and_large_results_are_not_stored()
    {
        await fx.WaitForHeadAsync(fx.Block);
        var head = fx.Hub.Heads.Find(fx.DeploymentId)!.Value;
        var query = NormalizedQuery.Parse("{ stats { id count } }");
        await Run("{ stats { id count } }");
        var key = QueryCacheKey.Compute(fx.Prefix, fx.DeploymentId, head, query, null, null);
        var db = fx.Redis.GetDatabase();
        await RedisNoticeTests.Until(() => db.KeyExists(key)); // stored fire-and-forget on the serving side's connection
        var ttl = await fx.Redis.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 1, fx.Options.CacheTtlSeconds);

        var metrics = new LiveMetrics();
        var tiny = new RedisQueryResultCache(fx.Redis, fx.Options with { CacheMaxEntryBytes = 50 }, metrics);
        var big = await fx.Engine.ExecuteAsync(fx.DeploymentId, new GraphQLQuery("{ devices(first: 20) { id name owner } }"));
        Assert.False(await tiny.SetAsync(fx.Prefix + "big", big));
        Assert.Equal(1, metrics.CacheSkippedTooLarge);
        Assert.False(await fx.Redis.GetDatabase().KeyExistsAsync(fx.Prefix + "big"));
    }

    [Fact]
    public async Task A_revert_never_serves_the_abandoned_fork()
    {
        await fx.WaitForHeadAsync(fx.Block);
        const string q = "{ device(id: \"d02\") { id rewards } }";
        var ancestor = fx.Block;
        var forkA = await fx.CommitAsync([DeviceData.Device("d02", "wireless", 111, 0, update: true)], fork: "a");
        await fx.WaitForHeadAsync(forkA.BlockNumber);
        Assert.Contains("\"111\"", (await Run(q)).Json, StringComparison.Ordinal);
        Assert.Contains("\"111\"", (await Run(q)).Json, StringComparison.Ordinal); // now cached at (n, hash a)

        await fx.RevertAsync(ancestor);
        var forkB = await fx.CommitAsync([DeviceData.Device("d02", "wireless", 222, 0, update: true)], fork: "b");
        Assert.Equal(forkA.BlockNumber, forkB.BlockNumber);
        await fx.WaitForHeadAsync(forkB.BlockNumber);
        await RedisNoticeTests.Until(() => fx.Hub.Heads.Find(fx.DeploymentId)!.Value.Hash == forkB.BlockHash);
        var after = await Run(q);
        Assert.Contains("\"222\"", after.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_read_past_the_known_head_is_not_stored()
    {
        await fx.WaitForHeadAsync(fx.Block);
        var head = fx.Hub.Heads.Find(fx.DeploymentId)!.Value;
        var result = new GraphQLResult("{\"data\":{}}"u8.ToArray(), (int)head.Number + 1, ["Device"], hasErrors: false);
        Assert.False(CachingGraphQLExecutor.IsAt(result, head, NormalizedQuery.Parse("{ devices { id } }")));
        Assert.True(CachingGraphQLExecutor.IsAt(new GraphQLResult([], (int)head.Number, [], false), head, NormalizedQuery.Parse("{ devices { id } }")));
        Assert.True(CachingGraphQLExecutor.IsAt(new GraphQLResult([], 1, [], false), head, NormalizedQuery.Parse("{ devices(block: {number: 1}) { id } }")));
        Assert.False(CachingGraphQLExecutor.IsAt(new GraphQLResult([], 1, [], false), head, NormalizedQuery.Parse("{ devices { id } }")));
    }
}
