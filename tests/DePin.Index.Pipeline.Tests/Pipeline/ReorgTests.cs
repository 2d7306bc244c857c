using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Simulator;
using DePin.Index.Store;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// Reorgs on a real anvil while the runner follows the head: evm_snapshot, a branch of <c>depth</c> blocks (registrations and
/// transfers, so entities are inserted and overwritten), the runner commits it, evm_revert, a different and longer branch. The
/// runner must revert the store to the common ancestor and index the new branch, ending with exactly the tables, POIs and
/// cursor of a clean index of the final chain.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ReorgTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public async Task After_a_reorg_entities_and_POI_equal_a_clean_index_of_the_final_chain(int depth)
    {
        await using var chain = await TestChain.StartAsync();
        await chain.SimulateAsync(new SimulationOptions { Devices = 30, Epochs = 1, Seed = (ulong)depth, BatchSize = 10 });
        var ancestor = await chain.MineBranchAsync(3, "base");
        var deployment = chain.Deployment();
        var db = await postgres.CreateDatabaseAsync();
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl));
        await indexer.WaitForBlockAsync(ancestor);

        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var headA = await chain.MineBranchAsync(depth, "A");
        await indexer.WaitForBlockAsync(headA);
        var abandoned = (await chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(headA)))!.Hash;
        Assert.Equal(abandoned, indexer.Runner.Status.CommittedBlock!.Value.Hash);
        Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
        var headB = await chain.MineBranchAsync(depth + 2, "B");
        await indexer.WaitForBlockAsync(headB);
        var status = indexer.Runner.Status;
        output.WriteLine($"depth {depth}: ancestor #{ancestor}, branch A to #{headA}, branch B to #{headB}: {status}");
        Assert.Equal((await chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(headB)))!.Hash, status.CommittedBlock!.Value.Hash);
        Assert.True(status.Reverts >= 1, "the runner reverted");
        Assert.Equal(0, status.Retries);
        Assert.Equal(RunnerState.Stopped, await indexer.StopAsync());
        var reorged = await StoreDump.DumpAsync(db, deployment.Id);
        Assert.DoesNotContain("A-0-0", reorged, StringComparison.Ordinal); // nothing of the abandoned branch is left
        Assert.Contains($"B-{depth + 1}-1", reorged, StringComparison.Ordinal);

        var cleanDb = await postgres.CreateDatabaseAsync();
        await using var clean = await RunningIndexer.StartAsync(cleanDb, deployment, TestChain.Reader(chain.RpcUrl), RunningIndexer.Options(stopBlock: headB));
        Assert.Equal(RunnerState.Completed, await clean.Task);
        Assert.Equal(await StoreDump.DumpAsync(cleanDb, deployment.Id), reorged);

        var poi = await PoiAsync(db, deployment.Id, headB);
        Assert.Equal(await PoiAsync(cleanDb, deployment.Id, headB), poi);
        Assert.NotNull(poi);
    }

    private static async Task<Ethereum.Primitives.Hash32?> PoiAsync(string db, string deploymentId, long block)
    {
        await using var store = await SubgraphStore.OpenAsync(db);
        return await (await store.OpenDeploymentAsync(deploymentId)).GetPoiAsync(checked((int)block));
    }
}
