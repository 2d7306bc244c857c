using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DePin.Index.Chain;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing;
using DePin.Index.Node.Ipfs;
using DePin.Index.Pipeline;
using DePin.Index.Simulator;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;
using Spectre.Console;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// `depin bench pipeline`: the end-to-end backfill figure. On a private anvil (free port, thrown away afterwards) deploys the
/// contracts and runs a simulation (default 10,000 devices × 10 epochs ≈ 288,000 events), then backfills subgraphs/depin (graph-cli's
/// build, pointed at those contracts) from the chain into a new PostgreSQL database — block stream, WebAssembly mappings, entity
/// cache, POIs, batched store transactions — and prints events/s (wall clock) with the runner's stage times. PostgreSQL is a
/// throwaway cluster unless --postgres-url names a server. --in-memory also runs the same blocks through the subgraph alone.
/// </summary>
internal static class PipelineBench
{
    public static Command Build(IAnsiConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices in the simulation.", DefaultValueFactory = _ => 10_000 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs in the simulation.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Simulation seed.", DefaultValueFactory = _ => 5 };
        var postgres = new Option<string?>("--postgres-url") { Description = "Npgsql connection string of a PostgreSQL server to create the benchmark database in (default: a throwaway cluster)." };
        var inMemory = new Option<bool>("--in-memory") { Description = "Also run the fetched blocks through the subgraph alone (no chain, no database)." };
        var cmd = new Command("pipeline", "End-to-end backfill of subgraphs/depin (anvil → stream → wasm → cache → POIs → PostgreSQL): events/s.")
        {
            devices, epochs, seed, postgres, inMemory,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var paths = RepoPaths.Find();
            var tools = await Prerequisites.LocateAsync(paths, ct);
            await Prerequisites.CompileContractsAsync(paths, null, ct);
            await UpCommandSteps.BuildSubgraphsAsync(paths.Root, Path.Combine(paths.Root, ".devnet"), [Path.Combine(paths.Root, "subgraphs", "depin")], new Progress<string>(_ => { }), ct);
            var dir = Directory.CreateTempSubdirectory("depin-bench-pipeline-");
            // PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            PostgresServer? server = null;
            try
            {
                await using var anvil = await AnvilServer.StartAsync(new AnvilSettings
                {
                    BinaryPath = paths.AnvilBinary,
                    Port = FreePort.Pick(),
                    LogPath = Path.Combine(dir.FullName, "anvil.log"),
                }, ct);
                using var client = new JsonRpcClient(new JsonRpcClientOptions { Url = anvil.RpcUrl, Timeout = TimeSpan.FromMinutes(2) });
                var rpc = new EthRpc(client);
                var key = DevnetContracts.OperatorKey();
                var (deployed, _) = await DevnetContracts.DeployAsync(rpc, paths.ContractsBuild, key, null, ct);
                var state = new DevnetState();
                foreach (var (name, (address, block)) in deployed) state.Contracts[name] = new Devnet.DeployedContract(address.ToChecksumString(), block);
                var contracts = DepinContracts.Load(state, paths.ContractsBuild);
                var clock = Stopwatch.StartNew();
                var totals = await new SimulationRunner(rpc, contracts, key)
                    .RunAsync(new SimulationOptions { Devices = parse.GetValue(devices), Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed) }, null, ct);
                console.MarkupLine($"[grey]simulation: {totals.EventsTotal:N0} logs in blocks {totals.FirstBlock}..{totals.LastBlock}, {clock.Elapsed.TotalSeconds:F1} s[/]");

                var connection = parse.GetValue(postgres);
                if (connection is null)
                {
                    server = await PostgresServer.StartAsync(new PostgresSettings
                    {
                        BinDir = tools.PostgresBinDir,
                        Directory = Path.Combine(dir.FullName, "postgres"),
                        Port = FreePort.Pick(),
                    }, null, ct);
                    connection = server.ConnectionStringValue;
                }

                var deployment = Deployment(Path.Combine(paths.Root, "subgraphs", "depin", "build"), deployed);
                var database = await CreateDatabaseAsync(connection, ct);
                await using var store = await PipelineStore.OpenAsync(database, ct);
                var reader = new EthRpcChainReader(rpc);
                var head = await rpc.BlockNumberAsync(ct);
                var load = Load();
                var result = await PipelineBenchmarks.BackfillEventsPerSecondAsync(deployment, store, reader, head,
                    DeploymentRunnerOptions.FromEnvironment(new DeploymentRunnerOptions { Stream = new BlockStreamOptions { ReorgThreshold = 0 } }), ct);
                console.MarkupLine($"backfill: [green]{result.EventsPerSecond:N0} events/s[/] end to end (target ≥ 40,000) — {Markup.Escape(result.ToString())}");
                console.MarkupLine($"[grey]load average before/after: {load} / {Load()}[/]");
                if (parse.GetValue(inMemory))
                {
                    var blocks = await FetchAsync(reader, deployment, head, ct);
                    console.MarkupLine($"in memory: {Markup.Escape(IndexingBenchmarks.EventsPerSecondInMemory(deployment.Definition, blocks).ToString())}");
                }

                return 0;
            }
            finally
            {
                if (server is not null) await server.DisposeAsync();
                dir.Delete(recursive: true);
            }
        });
        return cmd;
    }

    /// <summary>graph-cli's build of subgraphs/depin with every data source pointed at the deployed contract (address, start block).</summary>
    private static DeploymentDescriptor Deployment(string build, IReadOnlyDictionary<string, (Address Address, long Block)> contracts)
    {
        var path = Path.Combine(build, "subgraph.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("dataSources")]).Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value!;
            var (address, block) = contracts[name];
            var source = (YamlMappingNode)node.Children[new YamlScalarNode("source")];
            source.Children[new YamlScalarNode("address")] = new YamlScalarNode(address.ToHex()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            source.Children[new YamlScalarNode("startBlock")] = new YamlScalarNode(block.ToString(CultureInfo.InvariantCulture));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        var definition = SubgraphDefinition.From(SubgraphManifest.Parse(text, path, build));
        var id = Cid.Of(System.Text.Encoding.UTF8.GetBytes(text)).Text;
        return new DeploymentDescriptor(id, definition, File.ReadAllText(Path.Combine(build, "schema.graphql")), text) { Name = "depin/bench" };
    }

    private static async Task<string> CreateDatabaseAsync(string connection, CancellationToken ct)
    {
        var name = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        await using (var admin = new Npgsql.NpgsqlConnection(connection))
        {
            await admin.OpenAsync(ct);
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString;
    }

    private static async Task<List<BlockWithTriggers>> FetchAsync(IChainReader reader, DeploymentDescriptor deployment, long head, CancellationToken ct)
    {
        var blocks = new List<BlockWithTriggers>();
        await using var stream = new PollingBlockStream(reader,
            DataSourceInstance.FromManifest(deployment.Definition.Manifest).Select(d => d.WithEndBlock(head)), null, new BlockStreamOptions { ReorgThreshold = 0 });
        await foreach (var e in stream.ReadAllAsync(ct))
        {
            blocks.AddRange(((ProcessBlocks)e).Blocks);
        }

        return blocks;
    }

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
