using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DePin.Index.Devnet;
using DePin.Index.Node;
using DePin.Index.Store;
using DePin.Index.Store.Layout;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// `depin bench graphql`: fills a DePIN deployment with ≥ 1,000,000 entities through the store's bulk write (in a private
/// PostgreSQL unless --postgres-url is given), starts the node's GraphQL endpoint on a free loopback port and drives it
/// over HTTP from this process (same cores): entity by id, top 10 by a field, and a three-level nested query
/// (a device, its last 10 proofs with their epochs, and its last 10 rewards). Prints req/s and p50/p99 latency.
/// </summary>
internal static class BenchGraphQLCommand
{
    private const string DeploymentId = "QmBenchGraphQLBenchGraphQLBenchGraphQLBenchGra";
    private const string SubgraphName = "bench/depin";

    public static Command Build(IAnsiConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices (each with its proofs and rewards).", DefaultValueFactory = _ => 50_000 };
        var proofs = new Option<int>("--proofs-per-device") { Description = "Proofs per device.", DefaultValueFactory = _ => 16 };
        var rewards = new Option<int>("--rewards-per-device") { Description = "Rewards per device.", DefaultValueFactory = _ => 4 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent HTTP clients.", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per query kind (after 5 s of warm-up).", DefaultValueFactory = _ => 10 };
        var postgres = new Option<string?>("--postgres-url") { Description = "Use this PostgreSQL (the data is kept there and reused) instead of a private one." };
        var only = new Option<string?>("--only") { Description = "Run one query kind: by-id, top10 or nested." };
        var cmd = new Command("graphql", "GraphQL req/s and p99 over HTTP on a deployment with ≥ 1,000,000 entities.")
        {
            devices, proofs, rewards, concurrency, seconds, postgres, only,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var data = new BenchGraphQLData(parse.GetValue(devices), parse.GetValue(proofs), parse.GetValue(rewards));
            var url = parse.GetValue(postgres);
            PostgresServer? server = null;
            DirectoryInfo? dir = null;
            try
            {
                if (string.IsNullOrWhiteSpace(url))
                {
                    dir = Directory.CreateTempSubdirectory("depin-bench-graphql-");
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(dir.FullName, (UnixFileMode)0b111_101_101); // the postgres user must enter it
                    }

                    var bin = File.Exists(Path.Combine(Prerequisites.DebianPostgresBin, "initdb"))
                        ? Prerequisites.DebianPostgresBin
                        : (await Prerequisites.LocateAsync(RepoPaths.Find(), ct)).PostgresBinDir;
                    server = await PostgresServer.StartAsync(new PostgresSettings { BinDir = bin, Directory = Path.Combine(dir.FullName, "pg"), Port = FreePort.Pick() }, null, ct);
                    url = PostgresServer.Url(server.Record.Port, PostgresSettings.DefaultDatabase);
                }

                var connectionString = url.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(url) : url;
                await PrepareAsync(console, connectionString, data, ct);
                return await MeasureAsync(console, url, data, parse.GetValue(concurrency), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(only), ct);
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }

                dir?.Delete(recursive: true);
            }
        });
        return cmd;
    }

    private static async Task PrepareAsync(IAnsiConsole console, string connectionString, BenchGraphQLData data, CancellationToken ct)
    {
        await using var store = await SubgraphStore.OpenAsync(connectionString, ct);
        if ((await store.ListDeploymentsAsync(ct)).Contains(DeploymentId))
        {
            var existing = await store.OpenDeploymentAsync(DeploymentId, ct);
            var status = await existing.GetStatusAsync(ct);
            if (status.EntityCount == data.EntityCount && !status.IndexesPostponed)
            {
                console.MarkupLine($"[grey]reusing deployment {DeploymentId}: {status.EntityCount:N0} entities[/]");
                return;
            }

            await store.RemoveDeploymentAsync(DeploymentId, ct);
        }

        var schema = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Find().Root, "subgraphs", "depin", "schema.graphql"), ct);
        var deployment = await store.CreateDeploymentAsync(new DeploymentSpec(DeploymentId, schema, "specVersion: 1.0.0", "devnet"), DdlOptions.BulkSync, ct);
        var watch = Stopwatch.StartNew();
        await console.Progress().StartAsync(async p =>
        {
            var task = p.AddTask($"writing {data.EntityCount:N0} entities", maxValue: data.EntityCount);
            await data.WriteAsync(deployment, new Progress<long>(n => task.Value = n), ct);
            task.Value = data.EntityCount;
        });
        var written = watch.Elapsed;
        await deployment.CreatePostponedIndexesAsync(ct);
        await using (var conn = new Npgsql.NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new Npgsql.NpgsqlCommand($"vacuum analyze", conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }

        console.MarkupLine($"[grey]wrote {data.EntityCount:N0} entities in {written.TotalSeconds:F0} s ({data.EntityCount / written.TotalSeconds:N0}/s), indexes and analyze in {(watch.Elapsed - written).TotalSeconds:F0} s[/]");
    }

    private static async Task<int> MeasureAsync(IAnsiConsole console, string postgresUrl, BenchGraphQLData data, int concurrency, TimeSpan duration, string? only, CancellationToken ct)
    {
        var options = new NodeOptions
        {
            PostgresUrl = postgresUrl,
            HttpPort = FreePort.Pick(),
            WsPort = FreePort.Pick(),
            AdminPort = FreePort.Pick(),
            StatusPort = FreePort.Pick(),
            MetricsPort = FreePort.Pick(),
            IpfsPort = FreePort.Pick(),
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            AdminAllowAnonymous = true,
        };
        await using var node = await NodeHost.CreateBuilder(options).StartAsync(ct);
        if (await node.Registry.ResolveNameAsync(SubgraphName, ct) is null)
        {
            try
            {
                await node.Registry.CreateSubgraphAsync(SubgraphName, ct);
            }
            catch (RegistrarException)
            {
                // the name exists without a version yet
            }

            await node.Registry.DeployAsync(new DeploymentRequest(SubgraphName, DeploymentId, options.NodeId, "devnet", "1.0.0", null), ct);
        }

        var url = new Uri(node.HttpUrl, "subgraphs/name/" + SubgraphName);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var n = data.Devices;
        static string Body(string query, JsonObject variables) => new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();
        string DeviceId(Random r) => r.Next(1, n + 1).ToString(CultureInfo.InvariantCulture);
        var kinds = new (string Name, Func<Random, string> Body)[]
        {
            ("by-id", r => Body("query($id: ID!) { device(id: $id) { id owner { id } kind active totalWork totalRewards proofCount metadataURI } }", new JsonObject { ["id"] = DeviceId(r) })),
            ("top10", r => Body("query($kind: DeviceKind!) { devices(first: 10, orderBy: totalWork, orderDirection: desc, where: { kind: $kind }) { id totalWork owner { id } } }",
                new JsonObject { ["kind"] = new[] { "Wireless", "Storage", "Compute", "Energy", "Mapping", "Sensor" }[r.Next(6)] })),
            ("nested", r => Body("""
                query($id: ID!) { device(id: $id) { id totalWork
                  proofs(first: 10, orderBy: timestamp, orderDirection: desc) { id workUnits timestamp epoch { id number totalRewards } }
                  rewards(first: 10, orderBy: timestamp, orderDirection: desc) { id amount epoch { id } } } }
                """, new JsonObject { ["id"] = DeviceId(r) })),
        };

        var table = new Spectre.Console.Table().AddColumns("query", "path", "req/s", "p50", "p99", "CPU/req", "requests", "errors");
        var failed = false;
        var engine = node.QueryExecutor!;
        foreach (var (name, body) in kinds.Where(k => only is null || k.Name == only))
        {
            var overHttp = BenchGraphQLLoad.Http(http, url, body);
            var inProcess = InProcess(engine, body);
            foreach (var (path, send) in new[] { ("HTTP", overHttp), ("engine", inProcess) })
            {
                var r = await BenchGraphQLLoad.RunAsync(name, send, concurrency, TimeSpan.FromSeconds(5), duration, ct);
                table.AddRow(name, path, $"{r.PerSecond:N0}", $"{r.P50Ms:F2} ms", $"{r.P99Ms:F2} ms", $"{r.CpuMicrosPerRequest:N0} µs", $"{r.Requests:N0}", $"{r.Failures:N0}");
                if (r.Failures > 0)
                {
                    failed = true;
                    console.MarkupLine($"[red]{name} ({path}): {r.Failures} failed answers, first: {Markup.Escape(r.FirstFailure ?? "")}[/]");
                }
            }
        }

        console.MarkupLine($"[grey]{data.EntityCount:N0} entities, {concurrency} concurrent clients (HTTP on loopback, or calling the engine in-process), load generator in the same process; CPU/req = this process's CPU time per request (server and client, PostgreSQL not included); uptime: {Markup.Escape(Uptime())}[/]");
        console.Write(table);
        console.MarkupLine("[grey]targets over HTTP: by-id and top10 ≥ 5,000 req/s with p99 ≤ 10 ms; nested ≥ 1,000 req/s. 'engine' rows call the executor in-process (no HTTP): the engine's share.[/]");
        return failed ? 1 : 0;
    }

    /// <summary>The same request straight to the node's query executor (no HTTP, no JSON request parsing).</summary>
    private static Func<Random, CancellationToken, Task<string?>> InProcess(DePin.Index.GraphQL.IGraphQLExecutor engine, Func<Random, string> body) => async (rng, ct) =>
    {
        using var doc = System.Text.Json.JsonDocument.Parse(body(rng));
        var root = doc.RootElement;
        var result = await engine.ExecuteAsync(DeploymentId, new DePin.Index.GraphQL.GraphQLQuery(root.GetProperty("query").GetString()!, root.GetProperty("variables").Clone()), ct);
        return result.HasErrors ? result.Json[..Math.Min(result.Json.Length, 300)] : null;
    };

    private static string Uptime()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
