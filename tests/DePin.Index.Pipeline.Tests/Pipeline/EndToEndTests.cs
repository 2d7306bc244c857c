using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Simulator;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// The whole pipeline on a real anvil and PostgreSQL: the DePIN subgraph as graph-cli built it indexes a simulation (backfill),
/// one block per transaction, then a second simulation (many transactions per block) while it follows the chain head; after each, the entities read back from PostgreSQL add up exactly
/// to the simulator's totals, and every handled event ran exactly once.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class EndToEndTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly string[] HandledEvents =
        ["DeviceRegistered", "DeviceTransferred", "DeviceDeactivated", "ProofSubmitted", "EpochAdvanced", "RewardPaid", "EnergyTraded", "Transfer"];

    [Fact]
    public async Task Entities_in_PostgreSQL_reproduce_the_simulators_totals_after_backfill_and_at_the_head()
    {
        await using var chain = await TestChain.StartAsync();
        var first = await chain.SimulateAsync(new SimulationOptions { Devices = 200, Epochs = 3, Seed = 7, BatchSize = 50, PackBlocks = false });
        var db = await postgres.CreateDatabaseAsync();
        var deployment = chain.Deployment();
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl),
            RunningIndexer.Options(reorgThreshold: 10) with { MaxBlocksPerBatch = 40 });

        await indexer.WaitForBlockAsync(first.LastBlock);
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, deployment.Id), first);
        Assert.Equal(HandledEvents.Sum(e => first.Events.GetValueOrDefault(e)), indexer.Runner.Status.HandlersRun);
        var afterBackfill = indexer.Runner.Status;
        output.WriteLine($"backfill: {afterBackfill}");
        Assert.True(afterBackfill.BatchesCommitted < afterBackfill.BlocksProcessed, "backfill commits several blocks per transaction");

        var second = await chain.SimulateAsync(new SimulationOptions { Devices = 80, Epochs = 2, Seed = 1234, BatchSize = 50 });
        await indexer.WaitForBlockAsync(second.LastBlock);
        var both = SimulationTotals.Combine(first, second);
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, deployment.Id), both);
        Assert.Equal(HandledEvents.Sum(e => both.Events.GetValueOrDefault(e)), indexer.Runner.Status.HandlersRun);

        var status = indexer.Runner.Status;
        output.WriteLine($"at the head: {status}");
        Assert.True(status.Synced);
        Assert.Equal(RunnerState.Indexing, status.State);
        Assert.Equal(0, status.Retries);
        Assert.Equal(0, status.CacheStoreReads); // a fresh deployment is held whole in memory: no read reached the database
        var stored = await indexer.Store.Subgraphs.OpenDeploymentAsync(deployment.Id);
        Assert.NotNull(await stored.GetPoiAsync(checked((int)second.LastBlock)));
        Assert.Equal(status.CommittedBlock!.Value.Number, (await stored.GetLatestBlockAsync())!.Value.Number);
    }
}
