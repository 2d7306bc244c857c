using DePin.Index.NetworkSubgraph.Tests.Fixtures;
using DePin.Index.TestSupport;
using Xunit.Abstractions;

namespace DePin.Index.NetworkSubgraph.Tests.Subgraph;

/// <summary>
/// A reorg under the network subgraph: protocol actions on a branch the chain then abandons (evm_revert) are indexed, a longer
/// branch with other actions replaces it, and the entities equal the contracts' getters of the final chain — nothing of the
/// abandoned stakes, signals, allocations or redemptions is left.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class NetworkSubgraphReorgTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_reorg_the_entities_match_the_final_chains_contracts()
    {
        await using var chain = await ProtocolChain.StartAsync(ProtocolScenario.Roles);
        var scenario = new ProtocolScenario(chain, 7);
        await scenario.OpeningAsync();
        var db = await postgres.CreateDatabaseAsync("network");
        var deployment = NetworkDeployment.Create(chain.Deployed);
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, chain.RpcUrl, reorgThreshold: 100);
        await indexer.WaitForBlockAsync(await chain.HeadAsync());

        var snapshot = await chain.Client.Rpc.EvmSnapshotAsync();
        var abandoned = scenario.Fork(99);
        await abandoned.RandomAsync(15);
        var headA = await chain.HeadAsync();
        await indexer.WaitForBlockAsync(headA);
        var onA = await EntitySnapshot.LoadAsync(db, deployment.Id);

        Assert.True(await chain.Client.Rpc.EvmRevertAsync(snapshot));
        await chain.ReconnectAsync();
        await scenario.RandomAsync(15);
        var head = await chain.HeadAsync();
        if (head <= headA)
        {
            await chain.Client.Rpc.MineAsync(headA - head + 2);
        }

        await indexer.WaitForBlockAsync(await chain.HeadAsync());
        var entities = await EntitySnapshot.LoadAsync(db, deployment.Id);
        var result = await new ContractComparison(chain.Client, scenario, entities).RunAsync();
        output.WriteLine($"{result.Checked} comparisons; runner {indexer.Runner.Status}");
        result.AssertNone();
        Assert.True(indexer.Runner.Status.Reverts >= 1, "the runner reverted the abandoned branch");
        output.WriteLine($"branch A: {onA["QueryFeeRedemption"].Count} redemptions indexed; final chain: {entities["QueryFeeRedemption"].Count}");
        Assert.NotEqual(onA["GraphNetwork"]["1"], entities["GraphNetwork"]["1"]); // the abandoned branch had changed the totals
    }
}
