using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Simulator;
using DePin.Index.Store;
using Npgsql;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// What the runner does beyond the happy path: a failure undone when a reorg removes its block (graph-node's unfail on revert),
/// a write the store refuses narrowed down to its block and failed there, and history pruned behind the head.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RobustnessTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_failed_deployment_whose_failing_block_is_reorged_away_becomes_healthy_and_goes_on()
    {
        await using var chain = await TestChain.StartAsync();
        var before = await chain.HeadAsync();
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var first = await chain.SimulateAsync(new SimulationOptions { Devices = 30, Epochs = 1, Seed = 31, BatchSize = 10, PackBlocks = false });
        var lateStart = await FirstRegistrationBlockAsync(chain, first.LastBlock) + 1;
        var broken = chain.Deployment(new Dictionary<string, long> { [DepinContracts.DeviceRegistry] = lateStart });
        var db = await postgres.CreateDatabaseAsync();
        await using var indexer = await RunningIndexer.StartAsync(db, broken, TestChain.Reader(chain.RpcUrl),
            RunningIndexer.Options() with { UnfailPollInterval = TimeSpan.FromMilliseconds(100) });

        await WaitAsync(() => indexer.Runner.State == RunnerState.Failed, indexer);
        var fatal = Assert.IsType<FatalError>(indexer.Runner.Status.FatalError);
        output.WriteLine($"failed at {fatal.Block} ({fatal.Message}); chain was at {before} before the simulation");
        Assert.True(fatal.Block > before);
        await Task.Delay(300);
        Assert.False(indexer.Task.IsCompleted, "a failure at a known block is watched: the runner goes on");

        // The reorg: back to before the simulation, then empty blocks past the failing height (other hashes there), then activity
        // the broken deployment can index (every device registered after its late start).
        Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
        for (var b = before; b <= fatal.Block + 1; b++)
        {
            await chain.Rpc.EvmMineAsync();
        }

        await WaitAsync(() => indexer.Runner.State != RunnerState.Failed, indexer);
        var second = await chain.SimulateAsync(new SimulationOptions { Devices = 25, Epochs = 1, Seed = 32, BatchSize = 10 });
        Assert.True(second.FirstBlock >= lateStart);
        await indexer.Runner.WaitForBlockAsync(second.LastBlock).WaitAsync(TimeSpan.FromMinutes(2));

        var status = (await indexer.Store.Subgraphs.OpenDeploymentAsync(broken.Id)).GetStatusAsync();
        var s = await status;
        Assert.Equal(DeploymentHealth.Healthy, s.Health);
        Assert.Null(s.FatalError);
        Assert.Null(indexer.Runner.Status.FatalError);
        Assert.Contains(indexer.Log, l => l.Contains("failure undone", StringComparison.Ordinal));
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, broken.Id), second);
    }

    [Fact]
    public async Task A_write_the_store_refuses_fails_the_deployment_at_exactly_that_block()
    {
        await using var chain = await TestChain.StartAsync();
        var totals = await chain.SimulateAsync(new SimulationOptions { Devices = 60, Epochs = 1, Seed = 41, BatchSize = 10, PackBlocks = false });
        var deployment = chain.Deployment();
        var db = await postgres.CreateDatabaseAsync();
        var start = deployment.StartBlock;

        // create the deployment (nothing indexed yet), then make PostgreSQL refuse Energy devices (check constraint, SQL state 23514)
        await using (var creating = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl), RunningIndexer.Options(stopBlock: start)))
        {
            Assert.Equal(RunnerState.Completed, await creating.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        }

        var schema = await SchemaAsync(db, deployment.Id);
        await ExecuteAsync(db, $"alter table \"{schema}\".\"device\" add constraint no_energy_devices check (kind <> 'Energy')");
        var firstEnergy = await FirstRegistrationBlockAsync(chain, totals.LastBlock, DeviceKind.Energy);

        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl), RunningIndexer.Options());
        Assert.Equal(RunnerState.Failed, await indexer.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        var status = await (await indexer.Store.Subgraphs.OpenDeploymentAsync(deployment.Id)).GetStatusAsync();
        var fatal = Assert.IsType<FatalError>(status.FatalError);
        output.WriteLine($"failed at {fatal.Block}: {fatal.Message}; first Energy registration in block {firstEnergy}; log: {string.Join(" | ", indexer.Log)}");
        Assert.Equal(DeploymentHealth.Failed, status.Health);
        Assert.Equal(firstEnergy, fatal.Block);
        Assert.Contains("no_energy_devices", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(firstEnergy - 1, status.LatestBlock!.Value.Number); // every block before it committed, one transaction each
        Assert.True(indexer.Runner.Status.Retries >= 1, "a refused batch is narrowed down (retried block by block) before failing");
    }

    [Fact]
    public async Task History_older_than_the_window_is_pruned_by_the_runner_and_the_reorg_window_kept()
    {
        await using var chain = await TestChain.StartAsync();
        var totals = await chain.SimulateAsync(new SimulationOptions { Devices = 40, Epochs = 3, Seed = 51, BatchSize = 5, PackBlocks = false });
        var head = await chain.HeadAsync();
        var deployment = chain.Deployment();
        var db = await postgres.CreateDatabaseAsync();
        var options = RunningIndexer.Options(reorgThreshold: 5) with { HistoryBlocks = 10, PruneEveryBlocks = 1, MaxBlocksPerBatch = 3 };
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.RpcUrl), options);
        await indexer.Runner.WaitForBlockAsync(head).WaitAsync(TimeSpan.FromMinutes(2));
        await WaitAsync(() => indexer.Runner.Status.Synced, indexer);

        var store = await indexer.Store.Subgraphs.OpenDeploymentAsync(deployment.Id);
        var status = await store.GetStatusAsync();
        for (var i = 0; i < 100 && status.EarliestBlock != head - 10; i++)
        {
            await Task.Delay(100);
            status = await store.GetStatusAsync();
        }

        output.WriteLine($"head {head}, earliest {status.EarliestBlock}, pruned {indexer.Runner.Status.PrunedVersions} versions");
        Assert.Equal(head - 10, status.EarliestBlock); // pruned up to the window, never into it
        Assert.True(indexer.Runner.Status.PrunedVersions > 0);
        var schema = await SchemaAsync(db, deployment.Id);
        Assert.Equal(0, await StoreDump.CountAsync(db, $"select count(*) from \"{schema}\".\"device\" where upper(block_range) <= {status.EarliestBlock}"));
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, deployment.Id), totals); // the latest state is whole

        var tooClose = Assert.Throws<ArgumentException>(() => new DeploymentRunner(deployment, indexer.Store, TestChain.Reader(chain.RpcUrl),
            RunningIndexer.Options(reorgThreshold: 50) with { HistoryBlocks = 50 }));
        Assert.Contains("reorg threshold", tooClose.Message, StringComparison.Ordinal);
    }

    private static async Task<long> FirstRegistrationBlockAsync(TestChain chain, long last, DeviceKind? kind = null)
    {
        var abi = chain.Contracts.Abi(DepinContracts.DeviceRegistry);
        var ev = abi.GetEvent("DeviceRegistered");
        var logs = await chain.Rpc.GetLogsAsync(LogFilter.Range(0, last, chain.Contracts.Address(DepinContracts.DeviceRegistry)) with
        {
            Topics = [[ev.Topic0]],
        });
        return logs.Where(l => kind is null || KindOf(ev.Decode(l.Topics, l.Data)["kind"]) == (int)kind).Min(l => l.BlockNumber);
    }

    private static int KindOf(object value) => value switch
    {
        System.Numerics.BigInteger b => (int)b,
        _ => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task WaitAsync(Func<bool> condition, RunningIndexer indexer)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"runner {indexer.Runner.Status}; log: {string.Join(" | ", indexer.Log)}");
            await Task.Delay(50);
        }
    }

    private static async Task<string> SchemaAsync(string db, string id)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select schema_name from subgraphs.deployment where id = $1", conn);
        cmd.Parameters.AddWithValue(id);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
