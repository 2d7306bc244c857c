using System.Text.Json.Nodes;
using DePin.Index.Node.Tests.Fixtures;
using DePin.Index.Simulator;
using DePin.Index.TestSupport;
using Xunit.Abstractions;

namespace DePin.Index.Node.Tests.Indexing;

/// <summary>
/// `depin node` as a child process, killed with SIGKILL at random moments of a backfill and started again: the deployment ends
/// synced with the simulator's exact totals and the same proof of indexing at the head as an uninterrupted in-process node —
/// nothing lost, nothing applied twice. A final SIGTERM stops it cleanly (exit code 0).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NodeKillRestartTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-node-kill-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_node_killed_mid_backfill_and_restarted_ends_equal_to_an_uninterrupted_run()
    {
        await using var chain = await DepinChain.StartAsync();
        var totals = await chain.SimulateAsync(new SimulationOptions { Devices = 150, Epochs = 3, Seed = 21, BatchSize = 10, PackBlocks = false });
        var head = await chain.HeadAsync();
        var build = DepinBuildFolder.Render(SubgraphBuilds.Depin, chain.DepinContractsDeployed, Path.Combine(_dir.FullName, "build"));

        // the reference: an uninterrupted node in this process
        var referenceDb = await postgres.CreateDatabaseAsync();
        string id;
        string expectedPoi;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var reference = await IndexerNode.StartAsync(IndexedNode.Options(referenceDb, chain.RpcUrl, Path.Combine(_dir.FullName, "reference"))))
        {
            using var client = IndexedNode.Client(reference.Host);
            id = await client.UploadSubgraphAsync(build);
            await client.DeployAsync("depin/kill", id);
            await IndexedNode.WaitForBlockAsync(client, id, head, TimeSpan.FromMinutes(2));
            expectedPoi = await PoiAsync(reference.Host.StatusUrl, id, head);
        }

        var uninterrupted = clock.Elapsed;
        output.WriteLine($"uninterrupted: {uninterrupted.TotalSeconds:0.0} s, {totals.EventsTotal} events in {head} blocks, POI {expectedPoi}");

        var db = await postgres.CreateDatabaseAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_dir.FullName, "child")).FullName;
        var env = new Dictionary<string, string> { ["DEPIN_BATCH_MAX_BLOCKS"] = "4" };
        var random = new Random(777);
        var node = await NodeProcess.StartAsync(db, chain.RpcUrl, dir, environment: env);
        var endpoints = node.Endpoints;
        try
        {
            using (var client = node.Client())
            {
                Assert.Equal(id, await client.UploadSubgraphAsync(build));
                await client.DeployAsync("depin/kill", id);
            }

            var partial = 0;
            for (var round = 0; round < 3; round++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 + (random.NextDouble() * 1500)));
                node.Kill();
                var latest = await LatestAsync(db, id);
                output.WriteLine($"round {round}: SIGKILL at block {latest?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} of {head}");
                if (latest is { } l && l < head)
                {
                    partial++;
                }

                node.Dispose();
                node = await NodeProcess.StartAsync(db, chain.RpcUrl, dir, endpoints, env);
            }

            using (var client = node.Client())
            {
                var status = await IndexedNode.WaitForBlockAsync(client, id, head, TimeSpan.FromMinutes(2));
                Assert.Equal("healthy", IndexedNode.Health(status));
            }

            Assert.Equal(expectedPoi, await PoiAsync(new Uri(endpoints.StatusUrl), id, head));
            DepinTotals.AssertMatch(await StoreEntities.LoadAsync(db, id), totals);
            Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(30)));
            output.WriteLine($"{partial} of 3 kills fell before the head was reached");
        }
        finally
        {
            output.WriteLine(node.Output);
            node.Dispose();
        }
    }

    private static async Task<string> PoiAsync(Uri statusUrl, string id, long block)
    {
        using var http = new HttpClient();
        var answer = JsonNode.Parse(await http.GetStringAsync(new Uri(statusUrl, $"status/{id}/poi/{block}")))!;
        return answer["proofOfIndexing"]?.GetValue<string>() ?? throw new InvalidOperationException($"no POI at {block}: {answer.ToJsonString()}");
    }

    private static async Task<long?> LatestAsync(string connectionString, string id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select latest_block_number from subgraphs.deployment where id = $1", conn);
        cmd.Parameters.AddWithValue(id);
        return await cmd.ExecuteScalarAsync() is long or int ? Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
