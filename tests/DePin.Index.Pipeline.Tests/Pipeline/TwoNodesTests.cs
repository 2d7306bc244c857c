using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// Two index nodes — two <see cref="IndexingService"/>s with databases of their own and different batching — index the same
/// deployment of the same chain at the same time (backfill, then new blocks at the head). Their public proofs of indexing agree
/// at every block checked, and their stores are identical; a POI for another block hash, or an indexer, is different.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TwoNodesTests(PostgresFixture postgres, SimulatedChain chain, ITestOutputHelper output) : IClassFixture<SimulatedChain>
{
    [Fact]
    public async Task Two_nodes_indexing_the_same_deployment_report_identical_POIs()
    {
        var deployment = chain.Chain.Deployment();
        var dbA = await postgres.CreateDatabaseAsync("node_a");
        var dbB = await postgres.CreateDatabaseAsync("node_b");
        var optionsA = chain.Chain.ServiceOptions(dbA, reorgThreshold: 30);
        var optionsB = chain.Chain.ServiceOptions(dbB, reorgThreshold: 5) with { Runner = optionsA.Runner with { MaxBlocksPerBatch = 2, MaxQueuedBatches = 1 } };
        await using var nodeA = await IndexingService.StartAsync(optionsA);
        await using var nodeB = await IndexingService.StartAsync(optionsB);
        await nodeA.StartDeploymentAsync(deployment);
        await nodeB.StartDeploymentAsync(deployment);
        var head = await chain.Chain.MineBranchAsync(10, "head");
        await Task.WhenAll(nodeA.GetRunner(deployment.Id)!.WaitForBlockAsync(head), nodeB.GetRunner(deployment.Id)!.WaitForBlockAsync(head))
            .WaitAsync(TimeSpan.FromMinutes(3));

        var checkedBlocks = 0;
        for (var block = chain.Totals.FirstBlock; block <= head; block += 7)
        {
            var a = await nodeA.GetProofOfIndexingAsync(deployment.Id, block);
            Assert.NotNull(a);
            Assert.Equal(a, await nodeB.GetProofOfIndexingAsync(deployment.Id, block));
            checkedBlocks++;
        }

        var last = (await chain.Chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(head)))!;
        var poi = await nodeA.GetProofOfIndexingAsync(deployment.Id, head, last.Hash);
        Assert.Equal(poi, await nodeB.GetProofOfIndexingAsync(deployment.Id, head, last.Hash));
        Assert.Null(await nodeA.GetProofOfIndexingAsync(deployment.Id, head, Hash32.Of("another block"))); // not the block it indexed
        Assert.Null(await nodeA.GetProofOfIndexingAsync(deployment.Id, head + 1)); // not indexed yet
        var indexer = new Address(Enumerable.Repeat((byte)0x11, 20).ToArray());
        Assert.NotEqual(poi, await nodeA.GetProofOfIndexingAsync(deployment.Id, head, last.Hash, indexer));
        Assert.Equal(await nodeA.GetProofOfIndexingAsync(deployment.Id, head, last.Hash, indexer),
            await nodeB.GetProofOfIndexingAsync(deployment.Id, head, last.Hash, indexer));

        var statusA = (await nodeA.GetStatusAsync(deployment.Id))!;
        var statusB = (await nodeB.GetStatusAsync(deployment.Id))!;
        output.WriteLine($"{checkedBlocks} blocks checked; POI at #{head}: {poi}\nA: {nodeA.GetRunner(deployment.Id)!.Status}\nB: {nodeB.GetRunner(deployment.Id)!.Status}");
        Assert.True(nodeA.GetRunner(deployment.Id)!.Status.BatchesCommitted < nodeB.GetRunner(deployment.Id)!.Status.BatchesCommitted, "the nodes batch differently");
        Assert.Equal(statusA.LatestBlock, statusB.LatestBlock);
        Assert.Equal(statusA.EntityCount, statusB.EntityCount);
        Assert.True(statusA.Synced && statusB.Synced);
        Assert.True(statusA.Running && statusA.State == RunnerState.Indexing);
        Assert.NotNull(statusA.ChainHead);
        await nodeA.StopDeploymentAsync(deployment.Id);
        await nodeB.StopDeploymentAsync(deployment.Id);
        Assert.Equal(await StoreDump.DumpAsync(dbA, deployment.Id), await StoreDump.DumpAsync(dbB, deployment.Id));
        Assert.False((await nodeA.GetStatusAsync(deployment.Id))!.Running);

        Assert.True(await nodeB.RemoveDeploymentAsync(deployment.Id));
        Assert.Null(await nodeB.GetStatusAsync(deployment.Id));
    }
}
