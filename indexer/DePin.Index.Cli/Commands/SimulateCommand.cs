using System.CommandLine;
using System.Diagnostics;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>`depin simulate`: deterministic DePIN activity on the devnet chain, with the exact totals at the end.</summary>
internal static class SimulateCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices to register.", DefaultValueFactory = _ => 1_000 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of proofs, rewards, transfers and trades.", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        var batch = new Option<int>("--batch") { Description = "Items per batched transaction.", DefaultValueFactory = _ => 100 };
        var json = CliOptions.Json();
        var dir = CliOptions.DevnetDir();
        var cmd = new Command("simulate", "Drive DePIN activity onto the devnet chain: devices, signed proofs, rewards, transfers, energy trades.")
        {
            devices, epochs, seed, batch, json, dir,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var options = new SimulationOptions
            {
                Devices = parse.GetValue(devices),
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                BatchSize = parse.GetValue(batch),
            };
            options.Validate();
            var devnetOptions = DevnetCommands.Options(parse.GetValue(dir));
            var state = DevnetState.Load(devnetOptions.ResolveDir())
                ?? throw new InvalidOperationException($"no devnet in {devnetOptions.ResolveDir()}: run `depin devnet up` first");
            var contracts = DepinContracts.Load(state, (devnetOptions.Paths ?? RepoPaths.Find()).ContractsBuild);
            using var client = new JsonRpcClient(new JsonRpcClientOptions { Url = new Uri(state.RpcUrl ?? throw new InvalidOperationException("anvil is not running")) });
            var runner = new SimulationRunner(new EthRpc(client), contracts, DevnetContracts.OperatorKey());

            var watch = Stopwatch.StartNew();
            SimulationTotals totals;
            if (parse.GetValue(json))
            {
                totals = await runner.RunAsync(options, null, ct);
            }
            else
            {
                totals = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("simulating", maxValue: 1);
                        var progress = new Progress<SimulationProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.TransactionsTotal);
                            task.Value = p.TransactionsDone;
                            task.Description = $"{Markup.Escape(p.Phase)} · {p.EventsDone:N0} events";
                        });
                        var result = await runner.RunAsync(options, progress, ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
            }
            watch.Stop();
            if (parse.GetValue(json)) console.WriteLine(JsonOutput.Serialize(totals), new Style());
            else PrintTotals(console, totals, watch.Elapsed);
            return 0;
        });
        return cmd;
    }

    private static void PrintTotals(IAnsiConsole console, SimulationTotals t, TimeSpan elapsed)
    {
        var summary = new Spectre.Console.Table().AddColumns("total", "value");
        void Row(string name, object value) => summary.AddRow(name, Markup.Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        Row("devices", t.Devices);
        Row("devices deactivated", t.DevicesDeactivated);
        Row("proofs", t.Proofs);
        Row("work units", t.WorkUnits);
        Row("rewards", t.Rewards);
        Row("reward amount (wei)", t.RewardAmount);
        Row("transfers", t.Transfers);
        Row("energy trades", t.Trades);
        Row("energy (Wh)", t.EnergyWh);
        Row("trade amount (wei)", t.TradeAmount);
        Row("epochs", $"{t.FirstEpoch}–{t.LastEpoch}");
        Row("device ids", $"{t.FirstDeviceId}–{t.LastDeviceId}");
        Row("blocks", $"{t.FirstBlock}–{t.LastBlock}");
        Row("transactions", t.Transactions);
        Row("events", t.EventsTotal);
        console.Write(summary);

        var kinds = new Spectre.Console.Table().AddColumns("kind", "devices", "proofs", "work units", "rewards", "reward amount (wei)");
        foreach (var (kind, k) in t.PerKind)
            kinds.AddRow(kind, k.Devices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), k.Proofs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                k.WorkUnits.ToString(System.Globalization.CultureInfo.InvariantCulture), k.Rewards.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                k.RewardAmount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(kinds);
        var perMinute = elapsed.TotalMinutes > 0 ? t.EventsTotal / elapsed.TotalMinutes : 0;
        console.MarkupLine($"[green]{t.EventsTotal:N0} events in {t.Transactions:N0} transactions, {elapsed.TotalSeconds:F1} s ({perMinute:N0} events/min)[/]");
    }
}
