using System.Net;
using DePin.Index.Node.Admin;
using DePin.Index.Node.Ipfs;
using DePin.Index.Node.Query;
using DePin.Index.Node.Status;
using DePin.Index.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prometheus;

namespace DePin.Index.Node;

/// <summary>
/// The node's HTTP surface, each on its own port like graph-node (defaults in <see cref="NodeOptions"/>, all on
/// 127.0.0.1): GraphQL HTTP routes (8000, reserved: 501 until the query engine lands), admin JSON-RPC (8020), indexing
/// status (8030), Prometheus metrics (8040) and the IPFS API subset (5001). Each surface is a small ASP.NET Core app on
/// one Kestrel listener; they share the registry, IPFS store, status source, metrics and logging.
/// <code>
/// await using var node = await NodeHost.CreateBuilder(NodeOptions.FromEnvironment()).StartAsync();
/// await node.WaitForShutdownAsync(cancellationToken);
/// </code>
/// </summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly ILogger _logger;
    private int _stopped;

    private NodeHost(NodeOptions options, IDeploymentRegistry registry, IIpfsBlockStore ipfs, IIndexingStatusSource status,
        NodeMetrics metrics, ILoggerFactory loggerFactory)
    {
        Options = options;
        Registry = registry;
        IpfsStore = ipfs;
        StatusSource = status;
        Metrics = metrics;
        LoggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<NodeHost>();
    }

    public NodeOptions Options { get; }

    public IDeploymentRegistry Registry { get; }

    public IIpfsBlockStore IpfsStore { get; }

    public IIndexingStatusSource StatusSource { get; }

    public NodeMetrics Metrics { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The GraphQL query engine behind port 8000; null when the node has no database (queries answer 501).</summary>
    public DePin.Index.GraphQL.IGraphQLExecutor? QueryExecutor { get; private init; }

    /// <summary>The bound ports (the chosen ones when the options said 0).</summary>
    public int HttpPort { get; private set; }

    public int AdminPort { get; private set; }

    public int StatusPort { get; private set; }

    public int MetricsPort { get; private set; }

    public int IpfsPort { get; private set; }

    /// <summary>The GraphQL WebSocket port (0 when there is no query engine).</summary>
    public int WsPort { get; private set; }

    /// <summary>Block notices, result cache and subscriptions; null when there is no query engine.</summary>
    public DePin.Index.Live.LiveServices? Live { get; private init; }

    public Uri HttpUrl => Url(HttpPort);

    public Uri AdminUrl => Url(AdminPort);

    public Uri StatusUrl => Url(StatusPort);

    public Uri MetricsUrl => Url(MetricsPort);

    public Uri IpfsUrl => Url(IpfsPort);

    public static NodeHostBuilder CreateBuilder(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NodeHostBuilder(options);
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> fires, then stops every listener.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops every listener and releases what the host created (database pool, logger factory).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var owned in _owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal static async Task<NodeHost> StartAsync(NodeHostBuilder b, CancellationToken cancellationToken)
    {
        var options = b.Options;
        options.Validate();
        var owned = new List<IAsyncDisposable>();
        var loggerFactory = b.LoggerFactory ?? Own(NodeLogging.Create(options), owned);
        IDeploymentRegistry? registry = b.Registry;
        IIpfsBlockStore? ipfs = b.IpfsStore;
        if (registry is null || ipfs is null)
        {
            var dataSource = await OpenDatabaseAsync(options, cancellationToken).ConfigureAwait(false);
            owned.Add(dataSource);
            registry ??= new PostgresDeploymentRegistry(dataSource);
            ipfs ??= new PostgresIpfsBlockStore(dataSource);
        }

        var query = b.QueryExecutor ?? await QueryEngineFactory.CreateAsync(options, owned, cancellationToken).ConfigureAwait(false);
        var live = query is null ? null : await LiveFactory.StartAsync(options, query, loggerFactory, owned, cancellationToken).ConfigureAwait(false);
        var host = new NodeHost(options, registry, ipfs, b.StatusSource ?? new IndexingStatusBoard(), b.Metrics ?? new NodeMetrics(), loggerFactory)
        {
            QueryExecutor = live?.Executor ?? query,
            Live = live,
        };
        host._owned.AddRange(owned);
        try
        {
            await host.ListenAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.StopAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    private async Task ListenAllAsync(CancellationToken cancellationToken)
    {
        var o = Options;
        if (Live is not null)
        {
            WsPort = await ListenAsync("graphql-ws", o.WsPort, null, app => LiveFactory.Endpoint(Live, Registry, LoggerFactory).Map(app), cancellationToken)
                .ConfigureAwait(false);
            LiveFactory.ExportMetrics(Live.Metrics, Metrics);
        }

        var info = new NodeHostInfo
        {
            NodeId = o.NodeId,
            AdminToken = string.IsNullOrWhiteSpace(o.AdminToken) ? null : o.AdminToken,
            ExternalHttpBaseUrl = o.ExternalHttpBaseUrl,
            WsPort = Live is null ? o.WsPort : WsPort,
        };
        var loader = new IpfsSubgraphLoader(IpfsStore);
        var registrar = new SubgraphRegistrar(Registry, loader, o.NodeId, LoggerFactory.CreateLogger<SubgraphRegistrar>());

        HttpPort = await ListenAsync("graphql-http", o.HttpPort, null, app => new QueryRoutes(Registry, QueryExecutor).Map(app), cancellationToken).ConfigureAwait(false);
        info.HttpPort = HttpPort;
        AdminPort = await ListenAsync("admin", o.AdminPort, null,
            app => new AdminApi(registrar, info, Metrics, LoggerFactory.CreateLogger<AdminApi>()).Map(app), cancellationToken).ConfigureAwait(false);
        StatusPort = await ListenAsync("status", o.StatusPort, null, app => new StatusApi(Registry, StatusSource).Map(app), cancellationToken)
            .ConfigureAwait(false);
        MetricsPort = await ListenAsync("metrics", o.MetricsPort, null, app => app.MapMetrics("/metrics", Metrics.Registry), cancellationToken)
            .ConfigureAwait(false);
        IpfsPort = await ListenAsync("ipfs", o.IpfsPort, o.IpfsMaxUploadBytes + (1024 * 1024),
            app => new IpfsApi(IpfsStore, Metrics, LoggerFactory.CreateLogger<IpfsApi>()).Map(app), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "Node {NodeId} listening on {Address}: GraphQL HTTP {Http}, WebSocket {Ws}, admin JSON-RPC {Admin} (token {Auth}), status {Status}, metrics {Metrics}, IPFS {Ipfs}",
            o.NodeId, o.BindAddress, HttpPort, WsPort, AdminPort, info.AdminToken is null ? "not required" : "required", StatusPort, MetricsPort, IpfsPort);
    }

    private async Task<int> ListenAsync(string surface, int port, long? maxBody, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodeHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(LoggerFactory));
        var address = Options.BindAddress;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = maxBody ?? 4L * 1024 * 1024;
            k.Listen(address, port);
        });
        var app = builder.Build();
        app.UseHttpMetrics(h =>
        {
            h.RequestCount.Registry = Metrics.Registry;
            h.RequestDuration.Registry = Metrics.Registry;
            h.InProgress.Registry = Metrics.Registry;
        });
        map(app);
        _apps.Add(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new NodeConfigurationException($"cannot listen on {address}:{port} for the {surface} API: {e.Message}", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"the {surface} listener reports no address");
        return new Uri(bound).Port;
    }

    private static async Task<NpgsqlDataSource> OpenDatabaseAsync(NodeOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresUrl))
        {
            throw new NodeConfigurationException("the node needs PostgreSQL for its registry and IPFS blocks: set DEPIN_POSTGRES_URL (NodeOptions.PostgresUrl)");
        }

        string connectionString;
        try
        {
            connectionString = options.PostgresUrl.Contains("://", StringComparison.Ordinal)
                ? PostgresUrl.ToConnectionString(options.PostgresUrl)
                : new NpgsqlConnectionStringBuilder(options.PostgresUrl).ConnectionString;
        }
        catch (Exception e) when (e is StoreException or ArgumentException)
        {
            throw new NodeConfigurationException($"DEPIN_POSTGRES_URL is not a PostgreSQL URL or connection string: {e.Message}", e);
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await NodeSchema.EnsureAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new NodeConfigurationException($"cannot prepare the node's tables in PostgreSQL: {e.Message}", e);
        }
    }

    private static ILoggerFactory Own(ILoggerFactory factory, List<IAsyncDisposable> owned)
    {
        owned.Add(new DisposeAdapter(factory));
        return factory;
    }

    private Uri Url(int port)
    {
        var address = Options.BindAddress;
        if (address.Equals(IPAddress.Any))
        {
            address = IPAddress.Loopback;
        }
        else if (address.Equals(IPAddress.IPv6Any))
        {
            address = IPAddress.IPv6Loopback;
        }

        return new UriBuilder(Uri.UriSchemeHttp, address.ToString(), port, "/").Uri;
    }

    private sealed class DisposeAdapter(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
