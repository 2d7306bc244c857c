using DePin.Index.Pipeline.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// The runner's entity cache in its partial mode: with room for only 150 entities it keeps evicting whole types and reads
/// misses back from PostgreSQL (one round trip per missed id, or per type for a block's batched lookups, while the writer commits
/// behind the mapper). The result must equal a run whose cache holds everything.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class EntityCacheTests(PostgresFixture postgres, SimulatedChain chain, ITestOutputHelper output) : IClassFixture<SimulatedChain>
{
    [Fact]
    public async Task A_cache_too_small_for_the_deployment_reads_through_to_the_store_and_changes_nothing()
    {
        var deployment = chain.Chain.Deployment();
        var small = await postgres.CreateDatabaseAsync();
        await using (var indexer = await RunningIndexer.StartAsync(small, deployment, TestChain.Reader(chain.Chain.RpcUrl),
                         RunningIndexer.Options(stopBlock: chain.Head, reorgThreshold: 20) with { EntityCacheCapacity = 150, MaxBlocksPerBatch = 4 }))
        {
            Assert.Equal(RunnerState.Completed, await indexer.Task);
            output.WriteLine($"small cache: {indexer.Runner.Status}");
            Assert.True(indexer.Runner.Status.CacheStoreReads > 100, "misses were read from the store");
        }

        var whole = await postgres.CreateDatabaseAsync();
        await using (var indexer = await RunningIndexer.StartAsync(whole, deployment, TestChain.Reader(chain.Chain.RpcUrl), RunningIndexer.Options(stopBlock: chain.Head)))
        {
            Assert.Equal(RunnerState.Completed, await indexer.Task);
            Assert.Equal(0, indexer.Runner.Status.CacheStoreReads);
        }

        Assert.Equal(await StoreDump.DumpAsync(whole, deployment.Id), await StoreDump.DumpAsync(small, deployment.Id));
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(small, deployment.Id), chain.Totals);
    }
}
