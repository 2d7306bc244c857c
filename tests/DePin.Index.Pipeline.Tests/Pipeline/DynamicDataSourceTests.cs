using DePin.Index.Pipeline.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// Dynamic data sources through the pipeline, with the fixture subgraph <c>registrations</c> (its DeviceRegistry data source
/// creates the Registry template at the first registration; the template records what it sees): the created data source is
/// committed with its block, sees the creating block's triggers, is loaded again by a restarted runner, and disappears with a
/// reorg below its creation block — after which the new branch creates it again. The end state equals a clean index of the
/// final chain, itself done in backfill ranges (where the blocks after the creating block in a range are fetched anew).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DynamicDataSourceTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Data_sources_created_by_handlers_are_committed_resumed_and_reverted_with_their_block()
    {
        await using var chain = await TestChain.StartAsync();
        var deployment = chain.RegistrationsDeployment();
        var db = await postgres.CreateDatabaseAsync();
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var start = await chain.HeadAsync();

        var headA = await chain.MineBranchAsync(3, "A");
        await using (var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl)))
        {
            await indexer.WaitForBlockAsync(headA);
        }

        Assert.StartsWith($"{start + 1}\t0\tRegistry\t", await FirstLineAsync(db, deployment.Id, "dynamic data sources"));
        Assert.Equal((3 * 2) + 2, await SeenAsync(db, deployment.Id)); // every registration (both of the creating block's) and transfer

        // A restarted runner loads the data source from the store: it keeps seeing transfers and registrations.
        long headA2;
        await using (var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl)))
        {
            headA2 = await chain.MineBranchAsync(2, "A2");
            await indexer.WaitForBlockAsync(headA2);
            Assert.Equal((5 * 2) + 3, await SeenAsync(db, deployment.Id));

            // A reorg below the creation block: the data source goes with it, and the other branch creates it again later.
            Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
            await chain.Rpc.MineAsync(2);
            var headB = await chain.MineBranchAsync(checked((int)(headA2 - start)), "B");
            await indexer.WaitForBlockAsync(headB);
            Assert.True(indexer.Runner.Status.Reverts >= 1);
            Assert.Equal(RunnerState.Stopped, await indexer.StopAsync());
            output.WriteLine($"A: #{start + 1}..#{headA2}, B: #{start + 3}..#{headB}; {indexer.Runner.Status}");

            var dump = await StoreDump.DumpAsync(db, deployment.Id);
            Assert.StartsWith($"{start + 3}\t0\tRegistry\t", await FirstLineAsync(db, deployment.Id, "dynamic data sources"));
            var cleanDb = await postgres.CreateDatabaseAsync();
            await using var clean = await RunningIndexer.StartAsync(cleanDb, deployment, TestChain.Reader(chain.RpcUrl),
                RunningIndexer.Options(stopBlock: headB, reorgThreshold: 0) with { MaxBlocksPerBatch = 3 });
            Assert.Equal(RunnerState.Completed, await clean.Task);
            Assert.Equal(await StoreDump.DumpAsync(cleanDb, deployment.Id), dump);
            Assert.Equal(((headB - start - 2) * 2) + (headB - start - 3), await SeenAsync(db, deployment.Id));
        }
    }

    private static async Task<long> SeenAsync(string db, string deploymentId) =>
        await StoreDump.CountAsync(db, $"select count(*) from {await SchemaAsync(db, deploymentId)}.seen");

    private static async Task<string> SchemaAsync(string db, string deploymentId)
    {
        await using var store = await Store.SubgraphStore.OpenAsync(db);
        return (await store.OpenDeploymentAsync(deploymentId)).Layout.SchemaName;
    }

    /// <summary>The first row of a section of the store dump (rows are tab-separated).</summary>
    private static async Task<string?> FirstLineAsync(string db, string deploymentId, string section)
    {
        var lines = (await StoreDump.DumpAsync(db, deploymentId)).Split('\n');
        var at = Array.IndexOf(lines, "== " + section);
        return at >= 0 && at + 1 < lines.Length ? lines[at + 1] : null;
    }
}
