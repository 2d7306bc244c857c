using DePin.Index.Node;
using DePin.Index.Pipeline;
using DePin.Index.Simulator;
using DePin.Index.TestSupport;

namespace DePin.Index.Live.Tests.Clients;

/// <summary>
/// The whole path with the real pipeline: an <see cref="IndexerNode"/> indexing subgraphs/depin (graph-cli's build) from anvil
/// publishes its commits on Redis; a graphql-ws client of that node and one of a second node that only serves (same PostgreSQL
/// and Redis, no indexing) both get the new devices pushed once the simulator registers them.
/// </summary>
public sealed class IndexingNodeTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string Token = "live-indexing-node-token";
    private readonly PostgresFixture _postgres = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-live-node-");

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_node_that_indexes_pushes_to_its_subscribers_and_to_a_node_that_only_serves()
    {
        await using var chain = await DepinChain.StartAsync();
        await chain.SimulateAsync(new SimulationOptions { Devices = 15, Epochs = 1, Seed = 31, BatchSize = 15, PackBlocks = false });
        var db = await _postgres.CreateDatabaseAsync("liveidx");
        var prefix = RedisFixture.NewPrefix();
        var live = new LiveOptions { RedisUrl = redis.Endpoint, RedisPrefix = prefix };
        var build = DepinBuildFolder.Render(SubgraphBuilds.Depin, chain.DepinContractsDeployed, Path.Combine(_dir.FullName, "build"));
        await using var indexer = await IndexerNode.StartAsync(new IndexerNodeOptions
        {
            Node = Ports(db) with { AdminToken = Token, Live = live },
            Indexing = new IndexingServiceOptions
            {
                ConnectionString = db,
                Networks = new Dictionary<string, NetworkOptions>
                {
                    ["devnet"] = new() { RpcUrl = chain.RpcUrl, HeadPollInterval = TimeSpan.FromMilliseconds(100) },
                },
                Runner = new DeploymentRunnerOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(1) },
            },
            DeploymentsDir = Path.Combine(_dir.FullName, "deployments"),
            AssignmentPollInterval = TimeSpan.FromMilliseconds(500),
        });
        await using var server = await NodeHost.CreateBuilder(Ports(db) with { NodeId = "query-only", AdminAllowAnonymous = true, Live = live }).StartAsync();
        using var client = new NodeClient(indexer.Host.AdminUrl, indexer.Host.IpfsUrl, indexer.Host.StatusUrl, Token);
        var id = await client.UploadSubgraphAsync(build);
        await client.DeployAsync("depin/live", id);
        var head = await chain.HeadAsync();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await indexer.Indexing.GetStatusAsync(id))?.LatestBlock is not { } latest || latest.Number < head)
        {
            Assert.True(DateTime.UtcNow < deadline, $"not indexed to {head}: {string.Join("; ", indexer.DeploymentProblems.Values)}");
            await Task.Delay(100);
        }

        const string subscription = "subscription { devices(first: 1000, orderBy: id) { id } }";
        await using var onIndexer = await WsTestClient.ConnectAsync(new Uri($"ws://127.0.0.1:{indexer.Host.WsPort}/subgraphs/name/depin/live"));
        await using var onServer = await WsTestClient.ConnectAsync(new Uri($"ws://127.0.0.1:{server.WsPort}/subgraphs/id/{id}"));
        await onIndexer.SubscribeAsync("1", subscription);
        await onServer.SubscribeAsync("1", subscription);
        var before = Devices(await onIndexer.ReceiveAsync());
        Assert.Equal(15, before);
        Assert.Equal(before, Devices(await onServer.ReceiveAsync()));

        await chain.SimulateAsync(new SimulationOptions { Devices = 5, Epochs = 1, Seed = 32, BatchSize = 5, PackBlocks = false });
        Assert.Equal(20, await LastAsync(onIndexer, 20));
        Assert.Equal(20, await LastAsync(onServer, 20));
    }

    private static NodeOptions Ports(string db) => new()
    {
        HttpPort = 0,
        WsPort = 0,
        AdminPort = 0,
        StatusPort = 0,
        MetricsPort = 0,
        IpfsPort = 0,
        PostgresUrl = db,
        LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    private static int Devices(System.Text.Json.JsonElement next)
    {
        Assert.True(next.GetProperty("type").GetString() == "next", next.GetRawText());
        return next.GetProperty("payload").GetProperty("data").GetProperty("devices").GetArrayLength();
    }

    /// <summary>Reads pushes until one shows <paramref name="expected"/> devices (the blocks of the simulation come one by one).</summary>
    private static async Task<int> LastAsync(WsTestClient c, int expected)
    {
        var count = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (count < expected && DateTime.UtcNow < deadline)
        {
            count = Devices(await c.ReceiveAsync(30_000));
        }

        return count;
    }
}
