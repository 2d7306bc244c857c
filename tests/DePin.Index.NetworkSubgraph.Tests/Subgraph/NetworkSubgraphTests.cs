using DePin.Index.NetworkSubgraph.Tests.Fixtures;
using DePin.Index.TestSupport;
using Xunit.Abstractions;

namespace DePin.Index.NetworkSubgraph.Tests.Subgraph;

/// <summary>
/// subgraphs/network as graph-cli built it, indexed by the real pipeline (DeploymentRunner over PostgreSQL, ethereum.call over
/// anvil) while a seeded scenario drives the protocol through the typed client: every balance and split in the entities equals
/// the contracts' own getters at the same block — after a backfill, and twice after more actions indexed at the chain head —
/// and the GraphQL engine answers the same balances and splits.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class NetworkSubgraphTests(PostgresFixture postgres, ITestOutputHelper output)
{
    /// <summary>Every event the subgraph handles; the scenario must emit each at least once.</summary>
    private static readonly string[] HandledEvents =
    [
        "Transfer", "DeploymentPublished", "DeploymentDeprecated", "Signalled", "Unsignalled", "CurationFeesAdded",
        "StakeDeposited", "StakeLocked", "StakeWithdrawn", "QueryFeeCutSet", "StakeDelegated", "StakeDelegatedLocked",
        "StakeDelegatedWithdrawn", "DelegationFeesAdded", "AllocationCreated", "AllocationClosed", "Deposited", "ThawStarted",
        "Withdrawn", "QueryFeesCollected",
    ];

    [Theory]
    [InlineData(42)]
    [InlineData(2026)]
    public async Task Entities_match_the_contracts_getters_after_a_backfill_and_at_the_head(int seed)
    {
        await using var chain = await ProtocolChain.StartAsync(ProtocolScenario.Roles);
        var scenario = new ProtocolScenario(chain, seed);
        await scenario.OpeningAsync();
        var missing = HandledEvents.Except(scenario.Events.Select(e => e.Name)).ToList();
        Assert.True(missing.Count == 0, $"the opening emitted no {string.Join(", ", missing)}");

        var db = await postgres.CreateDatabaseAsync("network");
        var deployment = NetworkDeployment.Create(chain.Deployed);
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, chain.RpcUrl);
        await CompareAsync("backfill");
        await scenario.RandomAsync(50);
        await CompareAsync("at the head");
        await scenario.RandomAsync(50);
        await CompareAsync("at the head, later");
        var graphql = await GraphQLComparison.RunAsync(db, deployment.Id, chain.Client, scenario);
        output.WriteLine($"GraphQL: {graphql.Checked} comparisons");
        graphql.AssertNone();
        output.WriteLine($"succeeded: {string.Join(", ", scenario.Succeeded.Select(kv => $"{kv.Key} {kv.Value}"))}");
        output.WriteLine($"refused: {string.Join(", ", scenario.Refused.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.Equal(0, indexer.Runner.Status.Retries);
        var epochs = scenario.Events.Where(e => e.Name == "QueryFeesCollected").Select(e => e["epoch"]).Distinct().Count();
        Assert.True(epochs > 1, $"the per-epoch totals were compared over {epochs} epoch(s) of redemptions");

        async Task CompareAsync(string when)
        {
            await indexer.WaitForBlockAsync(await chain.HeadAsync());
            var entities = await EntitySnapshot.LoadAsync(db, deployment.Id);
            var result = await new ContractComparison(chain.Client, scenario, entities).RunAsync();
            output.WriteLine($"{when}: {result.Checked} comparisons; runner {indexer.Runner.Status}");
            result.AssertNone();
        }
    }
}
