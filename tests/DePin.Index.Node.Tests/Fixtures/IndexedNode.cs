using System.Text.Json.Nodes;
using DePin.Index.Pipeline;

namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>Options and waits for tests of a whole <see cref="IndexerNode"/> (HTTP surface + pipeline) on free ports.</summary>
internal static class IndexedNode
{
    public const string Token = "indexer-node-test-token";

    public static IndexerNodeOptions Options(string connectionString, Uri rpcUrl, string deploymentsDir) => new()
    {
        Node = new NodeOptions
        {
            HttpPort = 0,
            AdminPort = 0,
            StatusPort = 0,
            MetricsPort = 0,
            IpfsPort = 0,
            PostgresUrl = connectionString,
            AdminToken = Token,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        },
        Indexing = new IndexingServiceOptions
        {
            ConnectionString = connectionString,
            Networks = new Dictionary<string, NetworkOptions>
            {
                ["devnet"] = new() { RpcUrl = rpcUrl, HeadPollInterval = TimeSpan.FromMilliseconds(200) },
            },
            Runner = new DeploymentRunnerOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(1) },
        },
        DeploymentsDir = deploymentsDir,
        AssignmentPollInterval = TimeSpan.FromMilliseconds(500),
        MetricsInterval = TimeSpan.FromMilliseconds(200),
    };

    public static NodeClient Client(NodeHost host, string? token = Token) => new(host.AdminUrl, host.IpfsUrl, host.StatusUrl, token);

    /// <summary>Polls the status API until the deployment is synced and at <paramref name="block"/> or later (or failed); its status.</summary>
    public static async Task<JsonObject> WaitForBlockAsync(NodeClient client, string id, long block, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await client.StatusesOfAsync(id)).SingleOrDefault();
            if (last is not null && (Health(last) == "failed" || (Synced(last) && Latest(last) >= block)))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{id} did not reach block {block} in {timeout}: {last?.ToJsonString()}");
    }

    public static string Health(JsonObject s) => s["health"]!.GetValue<string>();

    public static bool Synced(JsonObject s) => s["synced"]!.GetValue<bool>();

    public static long Latest(JsonObject s) => Number(s, "latestBlock") ?? -1;

    public static long? Number(JsonObject s, string block) =>
        s["chains"]![0]![block]?["number"]?.GetValue<string>() is { } text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}
