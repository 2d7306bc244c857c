using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Pipeline.Tests.Fixtures;
using DePin.Index.Simulator;
using DePin.Index.Store;
using Npgsql;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// A deterministic handler failure on one node with two deployments: the DePIN subgraph with its DeviceRegistry starting one
/// block too late never sees the first owner's devices, so the first proof of one of them makes <c>handleProofSubmitted</c>
/// abort ("ProofSubmitted for unknown device"). That deployment is marked failed at exactly that block, with handler and
/// message, and nothing of that block (or later) is written, while the complete deployment on the same node keeps indexing
/// through a second simulation and matches the totals. Restarting the failed one leaves it failed where it was.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class FailureTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_deterministic_failure_fails_its_deployment_at_that_block_while_another_keeps_indexing()
    {
        await using var chain = await TestChain.StartAsync();
        var first = await chain.SimulateAsync(new SimulationOptions { Devices = 60, Epochs = 2, Seed = 11, BatchSize = 20, PackBlocks = false });
        var registry = chain.Contracts.Abi(DepinContracts.DeviceRegistry);
        var registered = await chain.Rpc.GetLogsAsync(LogFilter.Range(0, first.LastBlock, chain.Contracts.Address(DepinContracts.DeviceRegistry)) with
        {
            Topics = [[registry.GetEvent("DeviceRegistered").Topic0]],
        });
        var lateStart = registered.Min(l => l.BlockNumber) + 1;
        var unknown = registered.Where(l => l.BlockNumber < lateStart).Select(l => l.Topics[1]).ToHashSet();
        var proofs = await chain.Rpc.GetLogsAsync(LogFilter.Range(0, first.LastBlock, chain.Contracts.Address(DepinContracts.ProofOfPhysicalWork)) with
        {
            Topics = [[chain.Contracts.Abi(DepinContracts.ProofOfPhysicalWork).GetEvent("ProofSubmitted").Topic0]],
        });
        var failingBlock = proofs.Where(l => unknown.Contains(l.Topics[1])).Min(l => l.BlockNumber);
        output.WriteLine($"{unknown.Count} devices registered before block {lateStart}; the first proof of one is in block {failingBlock}");

        var complete = chain.Deployment();
        var broken = chain.Deployment(new Dictionary<string, long> { [DepinContracts.DeviceRegistry] = lateStart });
        var db = await postgres.CreateDatabaseAsync();
        await using var node = await IndexingService.StartAsync(chain.ServiceOptions(db, reorgThreshold: 20));
        Assert.True(await node.StartDeploymentAsync(complete));
        Assert.True(await node.StartDeploymentAsync(broken));
        Assert.False(await node.StartDeploymentAsync(broken)); // one runner per deployment

        await WaitForStateAsync(node.GetRunner(broken.Id)!, RunnerState.Failed);
        var status = (await node.GetStatusAsync(broken.Id))!;
        output.WriteLine($"failed: {status}");
        Assert.Equal(DeploymentHealth.Failed, status.Health);
        var fatal = Assert.IsType<FatalError>(status.FatalError);
        Assert.Equal(failingBlock, fatal.Block);
        Assert.Equal("handleProofSubmitted", fatal.Handler);
        Assert.Contains("ProofSubmitted for unknown device", fatal.Message, StringComparison.Ordinal);
        Assert.Equal((await chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(failingBlock)))!.Hash, fatal.BlockHash);
        var latest = Assert.NotNull(status.LatestBlock);
        Assert.True(latest.Number < failingBlock && latest.Number >= lateStart, $"committed up to {latest}, failed at {failingBlock}");
        Assert.True(status.EntityCount > 0, "the blocks before the failure are committed");
        Assert.Equal(0, await RowsFromAsync(db, broken.Id, failingBlock));

        var second = await chain.SimulateAsync(new SimulationOptions { Devices = 30, Epochs = 1, Seed = 12, BatchSize = 20 });
        await node.GetRunner(complete.Id)!.WaitForBlockAsync(second.LastBlock).WaitAsync(TimeSpan.FromMinutes(3));
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, complete.Id), SimulationTotals.Combine(first, second));
        Assert.Equal(DeploymentHealth.Healthy, (await node.GetStatusAsync(complete.Id))!.Health);

        // The failed deployment stays where it failed, also after a restart.
        Assert.True(await node.StartDeploymentAsync(broken));
        await WaitForStateAsync(node.GetRunner(broken.Id)!, RunnerState.Failed);
        var after = (await node.GetStatusAsync(broken.Id))!;
        Assert.Equal(latest, after.LatestBlock);
        Assert.Equal(fatal, after.FatalError);
        Assert.Equal(0, await RowsFromAsync(db, broken.Id, failingBlock));
    }

    private static async Task WaitForStateAsync(DeploymentRunner runner, RunnerState state)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (runner.State != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"runner still {runner.Status}");
            await Task.Delay(50);
        }
    }

    /// <summary>Entity versions and POIs of the deployment at or after <paramref name="block"/>.</summary>
    private static async Task<long> RowsFromAsync(string db, string deploymentId, long block)
    {
        await using var store = await SubgraphStore.OpenAsync(db);
        var deployment = await store.OpenDeploymentAsync(deploymentId);
        long rows = 0;
        foreach (var table in deployment.Layout.Tables)
        {
            rows += await StoreDump.CountAsync(db, table.Immutable
                ? $"select count(*) from {table.QualifiedName} where block$ >= {block}"
                : $"select count(*) from {table.QualifiedName} where lower(block_range) >= {block} or upper(block_range) >= {block}");
        }

        return rows + await StoreDump.CountAsync(db, $"select count(*) from subgraphs.poi where deployment = '{deploymentId}' and block_number >= {block}");
    }
}
