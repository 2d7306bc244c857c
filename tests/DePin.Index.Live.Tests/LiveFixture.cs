using System.Net;
using DePin.Index.GraphQL;
using DePin.Index.Store;
using DePin.Index.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DePin.Index.Live.Tests;

/// <summary>
/// Two "processes" on a real PostgreSQL and a real Redis: an indexing side that writes blocks through the store and publishes
/// their notices (<see cref="CommitAsync"/>), and a serving side (its own Redis connection, notice hub, caching executor over the
/// real query engine, and the WebSocket endpoint on a free port) that only learns of blocks through Redis.
/// </summary>
public sealed class LiveFixture : IAsyncLifetime
{
    public const string SubgraphName = "depin/live";

    private readonly PostgresFixture _postgres = new();
    private readonly RedisFixture _redis = new();
    private readonly SemaphoreSlim _commit = new(1, 1);
    private WebApplication? _app;
    private int _block;

    public string DeploymentId { get; } = PostgresFixture.NewDeploymentId();

    public string Prefix { get; } = RedisFixture.NewPrefix();

    public string ConnectionString { get; private set; } = "";

    public SubgraphStore Store { get; private set; } = null!;

    public DeploymentStore Deployment { get; private set; } = null!;

    public GraphQLEngine Engine { get; private set; } = null!;

    public ConnectionMultiplexer Redis { get; private set; } = null!;

    /// <summary>The indexing side's notices.</summary>
    public RedisBlockNoticeBus Publisher { get; private set; } = null!;

    public LiveMetrics Metrics { get; } = new();

    public LiveHub Hub { get; private set; } = null!;

    public CachingGraphQLExecutor Executor { get; private set; } = null!;

    public LiveOptions Options { get; } = new LiveOptions
    {
        MaxSubscriptionsPerConnection = 3,
        ConnectionInitTimeoutMs = 700,
        MaxMessageBytes = 64 * 1024,
    };

    /// <summary>ws://127.0.0.1:PORT (the subscription endpoint).</summary>
    public Uri WsBase { get; private set; } = null!;

    public Uri WsById => new(WsBase, $"/subgraphs/id/{DeploymentId}");

    public string RedisEndpoint => _redis.Endpoint;

    /// <summary>The last block committed.</summary>
    public int Block => Volatile.Read(ref _block);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.InitializeAsync(), _redis.InitializeAsync());
        ConnectionString = await _postgres.CreateDatabaseAsync("live");
        Store = await SubgraphStore.OpenAsync(ConnectionString);
        Deployment = await Store.CreateDeploymentAsync(new DeploymentSpec(DeploymentId, DeviceData.Schema, "specVersion: 1.0.0", "devnet"));
        Engine = GraphQLEngine.Create(Store, ConnectionString, new GraphQLOptions { HeadRefreshMilliseconds = 60_000 });
        Redis = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        Publisher = new RedisBlockNoticeBus(await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint), Prefix, ownsConnection: true);

        var serving = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        var bus = new RedisBlockNoticeBus(serving, Prefix, Metrics, ownsConnection: true);
        var heads = new DeploymentHeads();
        Hub = await LiveHub.StartAsync(bus, heads, Engine);
        Executor = new CachingGraphQLExecutor(Engine, new RedisQueryResultCache(serving, Options, Metrics), heads, Prefix);
        await CommitAsync(DeviceData.Initial(20));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        new SubscriptionEndpoint(Executor, Hub,
            (name, _) => Task.FromResult(name == SubgraphName ? DeploymentId : null),
            (id, _) => Task.FromResult(id == DeploymentId), Options, Metrics).Map(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WsBase = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
    }

    /// <summary>
    /// Writes the next block with <paramref name="changes"/> (their block numbers are set to it) and publishes its notice as the
    /// node's commit hook does; returns the notice.
    /// </summary>
    public async Task<BlockNotice> CommitAsync(IEnumerable<EntityModification> changes, string fork = "")
    {
        await _commit.WaitAsync();
        try
        {
            var n = _block + 1;
            var mods = changes.Select(m => m with { Block = n }).ToList();
            var hash = DeviceData.BlockHash(n, fork);
            await Deployment.WriteAsync(new WriteBatch(new BlockPtr(n, hash), mods));
            var notice = new BlockNotice(DeploymentId, n, hash.ToHex(), mods.Select(m => m.EntityType).Distinct(StringComparer.Ordinal).ToArray());
            await Publisher.PublishAsync(notice);
            Volatile.Write(ref _block, n);
            return notice;
        }
        finally
        {
            _commit.Release();
        }
    }

    /// <summary>Reverts the store to block <paramref name="ancestor"/> (of the main fork) and publishes the revert notice.</summary>
    public async Task RevertAsync(int ancestor)
    {
        await _commit.WaitAsync();
        try
        {
            var hash = DeviceData.BlockHash(ancestor);
            await Deployment.RevertAsync(new BlockPtr(ancestor, hash));
            await Publisher.PublishAsync(new BlockNotice(DeploymentId, ancestor, hash.ToHex(), []) { Revert = true });
            Volatile.Write(ref _block, ancestor);
        }
        finally
        {
            _commit.Release();
        }
    }

    /// <summary>Waits until the serving side has seen block <paramref name="number"/>.</summary>
    public async Task WaitForHeadAsync(long number, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Hub.Heads.Find(DeploymentId) is not { } h || h.Number < number)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"the serving side did not see block {number}");
            }

            await Task.Delay(5);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Hub.DisposeAsync();
        await Hub.Bus.DisposeAsync();
        await Publisher.DisposeAsync();
        Redis.Dispose();
        await Engine.DisposeAsync();
        await Store.DisposeAsync();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
        _commit.Dispose();
    }
}
