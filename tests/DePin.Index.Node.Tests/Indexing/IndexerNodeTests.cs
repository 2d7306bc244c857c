using DePin.Index.Node.Tests.Fixtures;
using DePin.Index.Simulator;
using DePin.Index.TestSupport;

namespace DePin.Index.Node.Tests.Indexing;

/// <summary>
/// The whole node over real PostgreSQL and anvil: graph-cli's build of subgraphs/depin, pointed at the test chain, uploaded to
/// the node's IPFS and deployed through the admin API (as `depin subgraph deploy` does), is indexed to the chain head; the status
/// API and metrics report it, PostgreSQL holds the simulator's exact totals, and removing the name stops the indexing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class IndexerNodeTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-node-tests-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_deployed_subgraph_is_indexed_to_the_chain_head_with_the_simulators_totals_and_remove_stops_it()
    {
        await using var chain = await DepinChain.StartAsync();
        var totals = await chain.SimulateAsync(new SimulationOptions { Devices = 120, Epochs = 2, Seed = 11, BatchSize = 20, PackBlocks = false });
        var db = await postgres.CreateDatabaseAsync();
        var build = DepinBuildFolder.Render(SubgraphBuilds.Depin, chain.DepinContractsDeployed, Path.Combine(_dir.FullName, "build"));
        await using var node = await IndexerNode.StartAsync(IndexedNode.Options(db, chain.RpcUrl, Path.Combine(_dir.FullName, "deployments")));
        using var client = IndexedNode.Client(node.Host);

        var id = await client.UploadSubgraphAsync(build);
        var answer = await client.DeployAsync("depin/test", id);
        Assert.Contains("/subgraphs/name/depin/test", answer["queries"]!.GetValue<string>(), StringComparison.Ordinal);
        var head = await chain.HeadAsync();
        var status = await IndexedNode.WaitForBlockAsync(client, id, head, TimeSpan.FromMinutes(2));

        Assert.Equal("healthy", IndexedNode.Health(status));
        Assert.True(IndexedNode.Synced(status));
        Assert.Equal(head, IndexedNode.Latest(status));
        Assert.Equal(head, IndexedNode.Number(status, "chainHeadBlock"));
        Assert.Equal(["depin/test"], status["names"]!.AsArray().Select(n => n!.GetValue<string>()));
        DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, id), totals);
        Assert.True(File.Exists(Path.Combine(_dir.FullName, "deployments", id, "subgraph.yaml")), "the deployment was written out locally");

        // the runners' counters reach /metrics
        await Task.Delay(500);
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(node.Host.MetricsUrl, "metrics"));
        Assert.Contains($"deployment_head{{deployment=\"{id}\"}} {head}", metrics, StringComparison.Ordinal);
        Assert.Contains($"deployment_head_lag_blocks{{deployment=\"{id}\"}} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("eth_rpc_requests_total{method=\"eth_getLogs\"}", metrics, StringComparison.Ordinal);
        var handled = totals.EventsTotal;
        Assert.Contains($"deployment_triggers_processed_total{{deployment=\"{id}\"}} ", metrics, StringComparison.Ordinal);
        Assert.True(handled > 0);

        // remove: the runner stops, the data stays, new blocks are no longer indexed
        await client.RemoveAsync("depin/test");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (node.Indexing.GetRunner(id) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Null(node.Indexing.GetRunner(id));
        await chain.SimulateAsync(new SimulationOptions { Devices = 20, Epochs = 1, Seed = 12 });
        await Task.Delay(1500);
        var after = await node.Indexing.GetStatusAsync(id);
        Assert.NotNull(after);
        Assert.False(after.Running);
        Assert.Equal(head, after.LatestBlock!.Value.Number);
        Assert.True(await chain.HeadAsync() > head);
    }

    [Fact]
    public async Task A_deployment_for_a_network_the_node_lacks_is_reported_and_the_node_stays_up()
    {
        await using var chain = await DepinChain.StartAsync();
        var db = await postgres.CreateDatabaseAsync();
        var build = DepinBuildFolder.Render(SubgraphBuilds.Depin, chain.DepinContractsDeployed, Path.Combine(_dir.FullName, "build2"));
        var manifest = Path.Combine(build, "subgraph.yaml");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("network: devnet", "network: mainnet", StringComparison.Ordinal));
        await using var node = await IndexerNode.StartAsync(IndexedNode.Options(db, chain.RpcUrl, Path.Combine(_dir.FullName, "deployments2")));
        using var client = IndexedNode.Client(node.Host);

        var id = await client.UploadSubgraphAsync(build);
        await client.DeployAsync("depin/mainnet", id);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!node.DeploymentProblems.ContainsKey(id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains("mainnet", node.DeploymentProblems[id], StringComparison.Ordinal);
        Assert.Empty(await client.StatusesOfAsync("nothing-like-this"));
        Assert.Single(await client.StatusesOfAsync("depin/mainnet"));
    }
}
