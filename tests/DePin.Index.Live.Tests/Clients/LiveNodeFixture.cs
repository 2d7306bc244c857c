using DePin.Index.Node;
using DePin.Index.Store;
using DePin.Index.TestSupport;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Live.Tests.Clients;

/// <summary>
/// Two real nodes (<see cref="NodeHost"/>: GraphQL HTTP, WebSocket, admin… on free ports) serving one PostgreSQL and one Redis,
/// with a deployment named <see cref="SubgraphName"/>; blocks are written through the store and announced on Redis by a third
/// party (<see cref="CommitAsync"/>), as an indexing node does — so both nodes learn of blocks only through Redis.
/// </summary>
public sealed class LiveNodeFixture : IAsyncLifetime
{
    public const string SubgraphName = "depin/e2e";

    private readonly PostgresFixture _postgres = new();
    private readonly RedisFixture _redis = new();
    private readonly SemaphoreSlim _commit = new(1, 1);
    private ILoggerFactory? _loggers;
    private int _block;

    public string DeploymentId { get; } = PostgresFixture.NewDeploymentId();

    public string Prefix { get; } = RedisFixture.NewPrefix();

    public SubgraphStore Store { get; private set; } = null!;

    public DeploymentStore Deployment { get; private set; } = null!;

    public NodeHost NodeA { get; private set; } = null!;

    public NodeHost NodeB { get; private set; } = null!;

    public RedisBlockNoticeBus Publisher { get; private set; } = null!;

    public int Block => Volatile.Read(ref _block);

    public string HttpUrl(NodeHost node) => new Uri(node.HttpUrl, $"/subgraphs/name/{SubgraphName}").ToString();

    public string WsUrl(NodeHost node) => $"ws://127.0.0.1:{node.WsPort}/subgraphs/name/{SubgraphName}";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.InitializeAsync(), _redis.InitializeAsync());
        var cs = await _postgres.CreateDatabaseAsync("livenode");
        Store = await SubgraphStore.OpenAsync(cs);
        Deployment = await Store.CreateDeploymentAsync(new DeploymentSpec(DeploymentId, DeviceData.Schema, "specVersion: 1.0.0", "devnet"));
        Publisher = await RedisBlockNoticeBus.ConnectAsync(_redis.Endpoint, Prefix);
        await CommitAsync(DeviceData.Initial(20));
        _loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        NodeA = await StartNodeAsync(cs, "a");
        NodeB = await StartNodeAsync(cs, "b");
        await NodeA.Registry.CreateSubgraphAsync(SubgraphName);
        await NodeA.Registry.DeployAsync(new DeploymentRequest(SubgraphName, DeploymentId, "a", "devnet", "1.0.0", "v1"));
    }

    private async Task<NodeHost> StartNodeAsync(string connectionString, string id)
    {
        var builder = NodeHost.CreateBuilder(new NodeOptions
        {
            HttpPort = 0,
            WsPort = 0,
            AdminPort = 0,
            StatusPort = 0,
            MetricsPort = 0,
            IpfsPort = 0,
            NodeId = id,
            PostgresUrl = connectionString,
            AdminAllowAnonymous = true,
            Live = new LiveOptions { RedisUrl = _redis.Endpoint, RedisPrefix = Prefix },
        });
        builder.LoggerFactory = _loggers;
        return await builder.StartAsync();
    }

    /// <summary>Writes the next block with <paramref name="changes"/> and announces it on Redis; the notice.</summary>
    public async Task<BlockNotice> CommitAsync(IEnumerable<EntityModification> changes)
    {
        await _commit.WaitAsync();
        try
        {
            var n = _block + 1;
            var mods = changes.Select(m => m with { Block = n }).ToList();
            var hash = DeviceData.BlockHash(n);
            await Deployment.WriteAsync(new WriteBatch(new BlockPtr(n, hash), mods));
            var notice = new BlockNotice(DeploymentId, n, hash.ToHex(), mods.Select(m => m.EntityType).Distinct(StringComparer.Ordinal).ToArray())
            {
                PublishedAtMicros = BlockNotice.NowMicros(),
            };
            await Publisher.PublishAsync(notice);
            Volatile.Write(ref _block, n);
            return notice;
        }
        finally
        {
            _commit.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        await Publisher.DisposeAsync();
        await Store.DisposeAsync();
        _loggers?.Dispose();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
        _commit.Dispose();
    }
}
