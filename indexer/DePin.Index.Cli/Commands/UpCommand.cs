using System.CommandLine;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// `depin up`: the whole stack in one command, idempotent — devnet (PostgreSQL, Redis, anvil, DePIN contracts), an index node as
/// a background service of the devnet, subgraphs/depin built for the devnet's addresses and deployed, DePIN activity from the
/// simulator, then waits until the deployment has indexed it and prints the GraphQL URL.
/// </summary>
internal static class UpCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var dir = CliOptions.DevnetDir();
        var devices = new Option<int>("--devices") { Description = "Devices the simulator registers.", DefaultValueFactory = _ => 1_000 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs the simulator runs.", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "The simulator's seed.", DefaultValueFactory = _ => 42 };
        var noSimulate = new Option<bool>("--no-simulate") { Description = "Start and deploy only; drive no activity." };
        var fresh = new Option<bool>("--fresh") { Description = "Stop what runs and wipe the devnet's data first." };
        var cmd = new Command("up", "The whole stack: devnet + index node + subgraphs/depin deployed + simulated DePIN activity, indexed; prints the GraphQL URL. Idempotent.")
        {
            dir, devices, epochs, seed, noSimulate, fresh,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var simulation = new SimulationOptions
            {
                Devices = parse.GetValue(devices),
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
            };
            simulation.Validate();
            var options = DevnetCommands.Options(parse.GetValue(dir));
            options.Fresh = parse.GetValue(fresh);
            var progress = DevnetCommands.ProgressTo(console, quiet: false);
            var paths = options.Paths ?? RepoPaths.Find();
            var devnetDir = options.ResolveDir();

            var state = await LocalDevnet.UpAsync(options, progress, ct);
            state = await DevnetContracts.EnsureDeployedAsync(options, state, progress, ct);
            (state, _) = await UpCommandSteps.EnsureNodeAsync(devnetDir, state, progress, ct);
            var endpoints = state.NodeEndpoints!;

            var folders = UpCommandSteps.Subgraphs
                .Select(s => (s.Name, Folder: Path.Combine(paths.Root, s.Folder)))
                .Where(s => Directory.Exists(s.Folder))
                .ToList();
            await UpCommandSteps.BuildSubgraphsAsync(paths.Root, devnetDir, [.. folders.Select(f => f.Folder)], progress, ct);
            using var client = SubgraphCommands.Client(parse.GetValue(dir), null, null, null);
            var deployments = new List<(string Name, string Id)>();
            foreach (var (name, folder) in folders)
            {
                var id = await client.UploadSubgraphAsync(folder, ct);
                await client.DeployAsync(name, id, null, null, ct);
                progress.Report($"subgraph {name}: deployed {id}");
                deployments.Add((name, id));
            }

            if (!parse.GetValue(noSimulate))
            {
                var contracts = DepinContracts.Load(state, paths.ContractsBuild);
                using var rpc = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(state.RpcUrl!) });
                var runner = new SimulationRunner(new EthRpc(rpc), contracts, DevnetContracts.OperatorKey());
                var totals = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("simulating", maxValue: 1);
                        var result = await runner.RunAsync(simulation, new SyncProgress<SimulationProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.TransactionsTotal);
                            task.Value = p.TransactionsDone;
                            task.Description = Markup.Escape($"simulating · {p.Phase} · {p.EventsDone:N0} events");
                        }), ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
                console.MarkupLine($"[grey]simulated {totals.EventsTotal:N0} events in blocks {totals.FirstBlock}–{totals.LastBlock}: {totals.Devices:N0} devices, {totals.Proofs:N0} proofs, {totals.Rewards:N0} rewards, {totals.Trades:N0} trades[/]");
                var depin = deployments.First(d => d.Name == "depin").Id;
                var code = await SubgraphStatusView.WatchAsync(console, client, depin, TimeSpan.FromMilliseconds(300), ct, minBlock: totals.LastBlock);
                if (code != 0)
                {
                    console.MarkupLine($"[red]the deployment failed[/]: see `./depin subgraph status depin` and {Markup.Escape(state.Node!.LogPath)}");
                    return code;
                }
            }

            var url = $"{endpoints.HttpUrl}/subgraphs/name/depin";
            const string query = """{"query":"{ networkStats(id: \"network\") { devices activeDevices proofs totalWork rewardCount totalRewards trades } }"}""";
            console.WriteLine();
            console.MarkupLine($"[green]up[/] — GraphQL: [bold]{Markup.Escape(url)}[/]");
            SubgraphCommands.Raw(console, $"curl -s {url} -H 'content-type: application/json' -d '{query}'");
            console.MarkupLine($"[grey]status: ./depin subgraph status --watch · metrics: {Markup.Escape(endpoints.MetricsUrl)}/metrics · node log: {Markup.Escape(state.Node!.LogPath)} · stop: ./depin devnet down[/]");
            return 0;
        });
        return cmd;
    }

    /// <summary>IProgress that reports on the caller's thread.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
