using System.Globalization;
using System.Net;
using DePin.Index.Devnet;
using DePin.Index.Node;
using DePin.Index.Pipeline;
using DePin.Index.Store;

namespace DePin.Index.Cli.Commands;

/// <summary>What `depin node` was given on its command line (null/empty = not given).</summary>
internal sealed record NodeCommandInput
{
    public string? PostgresUrl { get; init; }

    public IReadOnlyList<string> EthereumRpc { get; init; } = [];

    public string? Ipfs { get; init; }

    public string? NodeId { get; init; }

    public string? AdminTokenFile { get; init; }

    public int? HttpPort { get; init; }

    public int? AdminPort { get; init; }

    public int? StatusPort { get; init; }

    public int? MetricsPort { get; init; }

    public string? DeploymentsDir { get; init; }
}

/// <summary>
/// Resolves `depin node`'s settings, pure (no I/O but reading the token file): an option wins over its <c>DEPIN_</c> variable,
/// which wins over the running devnet's value (PostgreSQL, anvil as the network <c>devnet</c>, the admin token in
/// DIR/admin-token, deployments written under DIR/node/). Every problem is an <see cref="ArgumentException"/> naming the setting.
/// </summary>
internal static class NodeCommandSettings
{
    public static IndexerNodeOptions Resolve(NodeCommandInput input, IReadOnlyDictionary<string, string?> env, DevnetState? devnet, string devnetDir)
    {
        string? Env(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var usedDevnet = false;

        var postgres = input.PostgresUrl ?? Env("DEPIN_POSTGRES_URL");
        if (postgres is null && devnet?.PostgresUrl is { } devnetPostgres)
        {
            postgres = devnetPostgres;
            usedDevnet = true;
        }

        if (postgres is null)
        {
            throw new ArgumentException($"no PostgreSQL: give --postgres-url URL (DEPIN_POSTGRES_URL), or start the devnet (`./depin devnet up`; none in {devnetDir})");
        }

        var rpcText = input.EthereumRpc.Count > 0 ? string.Join(' ', input.EthereumRpc) : Env("DEPIN_ETHEREUM_RPC");
        if (rpcText is null && devnet?.RpcUrl is { } anvil)
        {
            rpcText = $"{DevnetState.NetworkName}:{anvil}";
            usedDevnet = true;
        }

        if (rpcText is null)
        {
            throw new ArgumentException($"no chain: give --ethereum-rpc NETWORK:URL (DEPIN_ETHEREUM_RPC), or start the devnet (`./depin devnet up`; none in {devnetDir})");
        }

        var reorgText = Env("DEPIN_REORG_THRESHOLD");
        var reorg = reorgText is null ? 250
            : int.TryParse(reorgText, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r
            : throw new ArgumentException($"DEPIN_REORG_THRESHOLD must be a non-negative integer, not '{reorgText}'");
        var networks = NetworkOptions.ParseList(rpcText, reorg);
        if (networks.Count == 0)
        {
            throw new ArgumentException("--ethereum-rpc names no network (NETWORK:URL)");
        }

        var node = NodeOptions.FromEnvironment(env) with
        {
            PostgresUrl = postgres,
            NodeId = input.NodeId ?? Env("DEPIN_NODE_ID") ?? NodeOptions.DefaultNodeId,
        };
        node = node with
        {
            HttpPort = input.HttpPort ?? node.HttpPort,
            AdminPort = input.AdminPort ?? node.AdminPort,
            StatusPort = input.StatusPort ?? node.StatusPort,
            MetricsPort = input.MetricsPort ?? node.MetricsPort,
        };
        if ((input.Ipfs ?? Env("DEPIN_IPFS_URL")) is { } ipfs)
        {
            node = node with { IpfsPort = IpfsPort(ipfs, node.BindAddress) };
        }

        if (node.AdminToken is null)
        {
            var tokenFile = input.AdminTokenFile ?? Env("DEPIN_ADMIN_TOKEN_FILE");
            if (tokenFile is not null)
            {
                node = node with { AdminToken = ReadToken(tokenFile) };
            }
            else if (usedDevnet)
            {
                node = node with { AdminToken = DevnetAdminToken.Ensure(devnetDir) };
            }
        }

        var deployments = input.DeploymentsDir ?? Env("DEPIN_DEPLOYMENTS_DIR") ?? (usedDevnet ? Path.Combine(devnetDir, "node", "deployments") : null);
        return new IndexerNodeOptions
        {
            Node = node,
            Indexing = new IndexingServiceOptions
            {
                ConnectionString = ToConnectionString(postgres),
                Networks = networks,
                Runner = DeploymentRunnerOptions.FromEnvironment(),
            },
            DeploymentsDir = deployments,
        };
    }

    /// <summary>
    /// `--ipfs URL`: where this node serves its IPFS API (graph-cli's `--ipfs` points there). The node reads deployments from its
    /// own store (PostgreSQL), never from another IPFS server, so only the port is taken; the host must be this node's address.
    /// </summary>
    internal static int IpfsPort(string url, IPAddress bind)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--ipfs must be an http URL such as http://127.0.0.1:5001, not '{url}'");
        }

        var host = uri.Host.Trim('[', ']');
        var local = host == "localhost" || (IPAddress.TryParse(host, out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(bind)));
        if (!local)
        {
            throw new ArgumentException($"--ipfs {url}: the node serves its IPFS API itself on {bind}; give its own address (e.g. http://127.0.0.1:5001), not another server's");
        }

        return uri.IsDefaultPort && !url.Contains(":80", StringComparison.Ordinal) ? NodeOptions.DefaultIpfsPort : uri.Port;
    }

    internal static string ToConnectionString(string postgres)
    {
        try
        {
            return postgres.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(postgres) : postgres;
        }
        catch (StoreException e)
        {
            throw new ArgumentException($"--postgres-url: {e.Message}", e);
        }
    }

    private static string ReadToken(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : throw new ArgumentException($"the admin token file {path} is empty");
        }
        catch (IOException e)
        {
            throw new ArgumentException($"cannot read the admin token file {path}: {e.Message}", e);
        }
    }
}
