using System.CommandLine;
using DePin.Index.Devnet;
using DePin.Index.Node;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>`depin node`: an index node (graph-node's options), in the foreground until Ctrl-C.</summary>
internal static class NodeCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var postgres = new Option<string?>("--postgres-url") { Description = "PostgreSQL, postgresql://user@host:port/db (DEPIN_POSTGRES_URL). Default: the devnet's." };
        var rpc = new Option<string[]>("--ethereum-rpc")
        {
            Description = "A chain as NETWORK:URL, the network named as in manifests' `network:`; repeat for several (DEPIN_ETHEREUM_RPC). Default: devnet:<the devnet's anvil>.",
            AllowMultipleArgumentsPerToken = false,
        };
        var ipfs = new Option<string?>("--ipfs") { Description = "Where this node serves its IPFS API (graph-cli's --ipfs points there), http://127.0.0.1:PORT (DEPIN_IPFS_URL). Default: port 5001." };
        var nodeId = new Option<string?>("--node-id") { Description = "This node's id; deployments assigned to it are indexed (DEPIN_NODE_ID). Default: default." };
        var tokenFile = new Option<string?>("--admin-token-file") { Description = "File holding the admin API's bearer token (DEPIN_ADMIN_TOKEN_FILE; DEPIN_ADMIN_TOKEN gives it directly). Default with the devnet: .devnet/admin-token." };
        var httpPort = new Option<int?>("--http-port") { Description = "GraphQL HTTP port (DEPIN_HTTP_PORT, default 8000; 0 = any free one)." };
        var adminPort = new Option<int?>("--admin-port") { Description = "Admin JSON-RPC port (DEPIN_ADMIN_PORT, default 8020)." };
        var statusPort = new Option<int?>("--status-port") { Description = "Indexing status port (DEPIN_STATUS_PORT, default 8030)." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Prometheus metrics port (DEPIN_METRICS_PORT, default 8040)." };
        var deployments = new Option<string?>("--deployments-dir") { Description = "Where deployments are written out from IPFS (DEPIN_DEPLOYMENTS_DIR). Default: .devnet/node/deployments with the devnet." };
        var dir = CliOptions.DevnetDir();
        var cmd = new Command("node", "Run an index node: admin JSON-RPC, IPFS, status, metrics and GraphQL, indexing the deployments assigned to it, until Ctrl-C.")
        {
            postgres, rpc, ipfs, nodeId, tokenFile, httpPort, adminPort, statusPort, metricsPort, deployments, dir,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var devnetDir = DevnetCommands.Options(parse.GetValue(dir)).ResolveDir();
            var input = new NodeCommandInput
            {
                PostgresUrl = parse.GetValue(postgres),
                EthereumRpc = parse.GetValue(rpc) ?? [],
                Ipfs = parse.GetValue(ipfs),
                NodeId = parse.GetValue(nodeId),
                AdminTokenFile = parse.GetValue(tokenFile),
                HttpPort = parse.GetValue(httpPort),
                AdminPort = parse.GetValue(adminPort),
                StatusPort = parse.GetValue(statusPort),
                MetricsPort = parse.GetValue(metricsPort),
                DeploymentsDir = parse.GetValue(deployments),
            };
            var options = NodeCommandSettings.Resolve(input, EnvironmentVariables(), DevnetState.Load(devnetDir), devnetDir);
            await using var node = await IndexerNode.StartAsync(options, ct);
            var h = node.Host;
            Console.Error.WriteLine(
                $"depin node {h.Options.NodeId}: GraphQL {h.HttpUrl}subgraphs/name/<name> · admin {h.AdminUrl} · IPFS {h.IpfsUrl} · status {h.StatusUrl}status · metrics {h.MetricsUrl}metrics · networks {string.Join(", ", node.Indexing.Networks)} — Ctrl-C stops");
            await node.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }

    internal static IReadOnlyDictionary<string, string?> EnvironmentVariables()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            result[(string)e.Key] = e.Value as string;
        }

        return result;
    }
}
