using System.Net;

namespace DePin.Index.Node;

/// <summary>
/// Settings of the node's HTTP surface. Every port follows graph-node's convention by default, binds to
/// <see cref="BindAddress"/> (127.0.0.1) and can be 0 to take a free port (read the bound one from
/// <see cref="NodeHost"/>). Each setting has a <c>DEPIN_</c> environment variable (see <see cref="FromEnvironment"/>).
/// </summary>
public sealed record NodeOptions
{
    public const int DefaultHttpPort = 8000;
    public const int DefaultWsPort = 8001;
    public const int DefaultAdminPort = 8020;
    public const int DefaultStatusPort = 8030;
    public const int DefaultMetricsPort = 8040;
    public const int DefaultIpfsPort = 5001;
    public const string DefaultNodeId = "default";

    /// <summary>GraphQL over HTTP (<c>/subgraphs/name/…</c>, <c>/subgraphs/id/…</c>); default 8000; <c>DEPIN_HTTP_PORT</c>.</summary>
    public int HttpPort { get; init; } = DefaultHttpPort;

    /// <summary>GraphQL subscriptions over WebSocket (graphql-transport-ws, <c>/subgraphs/name/…</c>, <c>/subgraphs/id/…</c>); default 8001; <c>DEPIN_WS_PORT</c>.</summary>
    public int WsPort { get; init; } = DefaultWsPort;

    /// <summary>Admin JSON-RPC (<c>subgraph_create</c>, <c>subgraph_deploy</c>, …); default 8020; <c>DEPIN_ADMIN_PORT</c>.</summary>
    public int AdminPort { get; init; } = DefaultAdminPort;

    /// <summary>Indexing status API (<c>/status</c>); default 8030; <c>DEPIN_STATUS_PORT</c>.</summary>
    public int StatusPort { get; init; } = DefaultStatusPort;

    /// <summary>Prometheus metrics (<c>/metrics</c>); default 8040; <c>DEPIN_METRICS_PORT</c>.</summary>
    public int MetricsPort { get; init; } = DefaultMetricsPort;

    /// <summary>IPFS HTTP API subset (<c>/api/v0/add</c>, <c>/api/v0/cat</c>, …) and <c>/ipfs/Qm…</c>; default 5001; <c>DEPIN_IPFS_PORT</c>.</summary>
    public int IpfsPort { get; init; } = DefaultIpfsPort;

    /// <summary>The address every port binds to; default 127.0.0.1 (loopback only); <c>DEPIN_BIND_ADDRESS</c>.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>This index node's id: deployments are assigned to it unless <c>node_id</c> says otherwise; default <c>default</c>; <c>DEPIN_NODE_ID</c>.</summary>
    public string NodeId { get; init; } = DefaultNodeId;

    /// <summary>
    /// The bearer token the admin API requires (<c>Authorization: Bearer …</c>; graph-cli's <c>--access-token</c>);
    /// no default; <c>DEPIN_ADMIN_TOKEN</c>. The node refuses to start without one unless <see cref="AdminAllowAnonymous"/>.
    /// </summary>
    public string? AdminToken { get; init; }

    /// <summary>Serve the admin API without a token (a loopback-only development node); default false; <c>DEPIN_ADMIN_ALLOW_ANONYMOUS</c>.</summary>
    public bool AdminAllowAnonymous { get; init; }

    /// <summary>
    /// PostgreSQL holding the node's tables (<see cref="NodeSchema"/>): a <c>postgresql://user@host:port/db</c> URL or an
    /// Npgsql connection string; no default (required); <c>DEPIN_POSTGRES_URL</c>.
    /// </summary>
    public string? PostgresUrl { get; init; }

    /// <summary>
    /// The base of the query URLs <c>subgraph_deploy</c> answers (graph-node's <c>GRAPH_EXTERNAL_HTTP_BASE_URL</c>); default
    /// none, which answers <c>:PORT/subgraphs/name/…</c> for graph-cli to prefix with the node's host;
    /// <c>DEPIN_EXTERNAL_HTTP_BASE_URL</c>.
    /// </summary>
    public string? ExternalHttpBaseUrl { get; init; }

    /// <summary>The largest body <c>/api/v0/add</c> accepts, in bytes; default 64 MiB; <c>DEPIN_IPFS_MAX_UPLOAD_BYTES</c>.</summary>
    public long IpfsMaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Block notices, result cache and subscriptions (<c>DEPIN_REDIS_URL</c>, <c>DEPIN_CACHE_*</c>, <c>DEPIN_WS_*</c>; see
    /// <see cref="DePin.Index.Live.LiveOptions"/>). Without a Redis URL notices stay in this process and nothing is cached.
    /// </summary>
    public DePin.Index.Live.LiveOptions Live { get; init; } = new();

    /// <summary>Console log format: <see cref="NodeLogFormat.Text"/> (default) or <see cref="NodeLogFormat.Json"/> (one JSON object a line); <c>DEPIN_LOG_FORMAT</c>.</summary>
    public NodeLogFormat LogFormat { get; init; } = NodeLogFormat.Text;

    /// <summary>Lowest level logged; default Information; <c>DEPIN_LOG_LEVEL</c> (Trace, Debug, Information, Warning, Error, Critical, None).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>
    /// The defaults overridden by <c>DEPIN_*</c> variables of <paramref name="environment"/> (the process environment when
    /// null); see each property for its variable.
    /// </summary>
    /// <exception cref="NodeConfigurationException">naming the variable whose value is malformed.</exception>
    public static NodeOptions FromEnvironment(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = environment ?? NodeEnvironment.Process();
        try
        {
            return NodeEnvironment.Apply(new NodeOptions { Live = DePin.Index.Live.LiveOptions.FromEnvironment(env) }, env);
        }
        catch (ArgumentException e)
        {
            throw new NodeConfigurationException(e.Message, e);
        }
    }

    /// <summary>Checks the options before the node binds anything.</summary>
    /// <exception cref="NodeConfigurationException">for an out-of-range port, a missing token or database, or an empty node id.</exception>
    public void Validate()
    {
        foreach (var (name, port) in new[]
                 {
                     ("HttpPort", HttpPort), ("WsPort", WsPort), ("AdminPort", AdminPort), ("StatusPort", StatusPort),
                     ("MetricsPort", MetricsPort), ("IpfsPort", IpfsPort),
                 })
        {
            if (port is < 0 or > 65535)
            {
                throw new NodeConfigurationException($"{name} must be between 0 and 65535, not {port}");
            }
        }

        if (string.IsNullOrWhiteSpace(AdminToken) && !AdminAllowAnonymous)
        {
            throw new NodeConfigurationException(
                "the admin API needs a token: set DEPIN_ADMIN_TOKEN (NodeOptions.AdminToken), or DEPIN_ADMIN_ALLOW_ANONYMOUS=true for a loopback-only development node");
        }

        if (string.IsNullOrWhiteSpace(NodeId))
        {
            throw new NodeConfigurationException("the node id must not be empty (DEPIN_NODE_ID)");
        }

        if (IpfsMaxUploadBytes < 1)
        {
            throw new NodeConfigurationException($"IpfsMaxUploadBytes must be positive, not {IpfsMaxUploadBytes}");
        }
    }
}
