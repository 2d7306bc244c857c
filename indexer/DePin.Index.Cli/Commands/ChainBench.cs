using System.CommandLine;
using System.Diagnostics;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// `depin bench chain`: on a private anvil (free port, thrown away afterwards) deploys the contracts, runs a
/// simulation (events per minute onto the chain), fetches every log back with eth_getLogs (logs/s end to end)
/// and decodes them with the contracts' ABIs (logs/s on one core).
/// </summary>
internal static class ChainBench
{
    public static Command Build(IAnsiConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices in the simulation.", DefaultValueFactory = _ => 10_000 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs in the simulation.", DefaultValueFactory = _ => 5 };
        var chunk = new Option<int>("--chunk-blocks") { Description = "Blocks per eth_getLogs call.", DefaultValueFactory = _ => 50 };
        var cmd = new Command("chain", "Simulator events/min, eth_getLogs fetch+parse logs/s and decode logs/s on a private anvil.")
        {
            devices, epochs, chunk,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var paths = RepoPaths.Find();
            await Prerequisites.CompileContractsAsync(paths, null, ct);
            var dir = Directory.CreateTempSubdirectory("depin-bench-");
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
                foreach (var (name, (address, block)) in deployed) state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
                var contracts = DepinContracts.Load(state, paths.ContractsBuild);

                var options = new SimulationOptions { Devices = parse.GetValue(devices), Epochs = parse.GetValue(epochs), Seed = 1 };
                var watch = Stopwatch.StartNew();
                var runner = new SimulationRunner(rpc, contracts, key);
                var totals = await runner.RunAsync(options, null, ct);
                watch.Stop();
                console.MarkupLine($"[grey]simulation: {watch.Elapsed.TotalSeconds:F1} s, of it sending {runner.SendTicks / (double)Stopwatch.Frequency:F1} s, confirming {runner.ConfirmTicks / (double)Stopwatch.Frequency:F1} s[/]");
                var perMinute = totals.EventsTotal / watch.Elapsed.TotalMinutes;

                var (logs, elapsed) = await RpcBenchmarks.FetchLogsAsync(anvil.RpcUrl.ToString(), totals.FirstBlock, totals.LastBlock, parse.GetValue(chunk), ct);
                var fetched = await rpc.GetLogsAsync(LogFilter.Range(totals.FirstBlock, totals.LastBlock), TimeSpan.FromMinutes(2), ct);
                var decodeRate = DecodeRate(contracts, fetched);

                var table = new Spectre.Console.Table().AddColumns("figure", "value", "target");
                table.AddRow("simulator onto anvil", $"{perMinute:N0} events/min ({totals.EventsTotal:N0} events, {totals.Transactions:N0} tx, {watch.Elapsed.TotalSeconds:F1} s)", "≥ 100,000 events/min");
                table.AddRow("eth_getLogs fetch + parse", $"{logs / elapsed.TotalSeconds:N0} logs/s ({logs:N0} logs, {parse.GetValue(chunk)}-block ranges)", "≥ 150,000 logs/s");
                table.AddRow("decode (real logs, one core)", $"{decodeRate:N0} logs/s", "≥ 1,000,000 logs/s");
                console.Write(table);
                return logs == totals.EventsTotal ? 0 : Fail(console, $"fetched {logs} logs, the simulation emitted {totals.EventsTotal}");
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        });
        return cmd;
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return 1;
    }

    /// <summary>Decodes the fetched logs repeatedly on this thread for at least two seconds after a warm-up.</summary>
    private static double DecodeRate(DepinContracts contracts, IReadOnlyList<Log> logs)
    {
        var decoder = LogDecoder.For([.. contracts.AllAbis]);
        long decoded = 0;
        void Round()
        {
            foreach (var log in logs)
            {
                if (decoder.TryDecode(log.Topics, log.Data, out _)) decoded++;
            }
        }
        Round();
        decoded = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(2)) Round();
        return decoded / watch.Elapsed.TotalSeconds;
    }
}
