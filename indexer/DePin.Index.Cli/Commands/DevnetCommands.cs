using System.CommandLine;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>`depin devnet up|down|status|env`: the local stack of PostgreSQL, Redis, anvil and the DePIN contracts.</summary>
internal static class DevnetCommands
{
    public static Command Build(IAnsiConsole console)
    {
        var devnet = new Command("devnet", "The local devnet: PostgreSQL, Redis and anvil on 127.0.0.1, with the DePIN contracts deployed.");
        devnet.Subcommands.Add(Up(console));
        devnet.Subcommands.Add(Down(console));
        devnet.Subcommands.Add(Status(console));
        devnet.Subcommands.Add(Env(console));
        return devnet;
    }

    private static Command Up(IAnsiConsole console)
    {
        var dir = CliOptions.DevnetDir();
        var json = CliOptions.Json();
        var fresh = new Option<bool>("--fresh") { Description = "Stop what runs and wipe the devnet's data first." };
        var noContracts = new Option<bool>("--no-contracts") { Description = "Start the servers only; don't deploy the DePIN contracts." };
        var cmd = new Command("up", "Install what is missing, start the servers (reusing those that run) and deploy the contracts.")
        {
            dir, json, fresh, noContracts,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var options = Options(parse.GetValue(dir));
            options.Fresh = parse.GetValue(fresh);
            var asJson = parse.GetValue(json);
            var progress = ProgressTo(console, quiet: asJson);
            var state = await LocalDevnet.UpAsync(options, progress, ct);
            if (!parse.GetValue(noContracts))
            {
                state = await DevnetContracts.EnsureDeployedAsync(options, state, progress, ct);
            }
            if (asJson) console.WriteLine(state.ToJson().TrimEnd(), new Style());
            else PrintState(console, state);
            return 0;
        });
        return cmd;
    }

    private static Command Down(IAnsiConsole console)
    {
        var dir = CliOptions.DevnetDir();
        var wipe = new Option<bool>("--wipe") { Description = "Also delete the devnet's data (chain, database)." };
        var cmd = new Command("down", "Stop exactly the processes `devnet up` started.") { dir, wipe };
        cmd.SetAction(async (parse, ct) =>
        {
            var options = Options(parse.GetValue(dir));
            options.Fresh = parse.GetValue(wipe);
            await LocalDevnet.DownAsync(options, ProgressTo(console, quiet: false), ct);
            console.MarkupLine("[green]devnet stopped[/]");
            return 0;
        });
        return cmd;
    }

    private static Command Status(IAnsiConsole console)
    {
        var dir = CliOptions.DevnetDir();
        var json = CliOptions.Json();
        var cmd = new Command("status", "Show which servers run and answer, and the deployed contracts.") { dir, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var status = await LocalDevnet.StatusAsync(Options(parse.GetValue(dir)), ct);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonOutput.Serialize(new
                {
                    status.Dir,
                    running = status.AllRunning,
                    services = status.Services.Select(s => new { s.Name, s.Alive, s.Answering, s.Record?.Pid, s.Record?.Port, s.Record?.Url }),
                    contracts = status.State?.Contracts,
                }), new Style());
                return status.AllRunning ? 0 : 3;
            }
            var table = new Spectre.Console.Table().AddColumns("service", "state", "pid", "url");
            foreach (var s in status.Services)
            {
                var state = s.Running ? "[green]running[/]" : s.Alive ? "[yellow]not answering[/]" : "[red]stopped[/]";
                table.AddRow(s.Name, state, s.Record?.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", Markup.Escape(s.Record?.Url ?? "-"));
            }
            console.Write(table);
            if (status.State is { Contracts.Count: > 0 } st) PrintContracts(console, st);
            return status.AllRunning ? 0 : 3;
        });
        return cmd;
    }

    private static Command Env(IAnsiConsole console)
    {
        var dir = CliOptions.DevnetDir();
        var cmd = new Command("env", "Print shell exports of the running devnet's endpoints (eval \"$(depin devnet env)\").") { dir };
        cmd.SetAction(parse =>
        {
            var options = Options(parse.GetValue(dir));
            var state = DevnetState.Load(options.ResolveDir())
                ?? throw new InvalidOperationException($"no devnet in {options.ResolveDir()}: run `depin devnet up` first");
            void Export(string name, string? value)
            {
                if (value is not null) console.WriteLine($"export {name}='{value}'", new Style());
            }
            Export("DEPIN_DEVNET_DIR", state.Dir);
            Export("DEPIN_TEST_POSTGRES_URL", state.PostgresUrl);
            Export("DEPIN_TEST_REDIS", state.RedisEndpoint);
            Export("DEPIN_TEST_RPC_URL", state.RpcUrl);
            return 0;
        });
        return cmd;
    }

    internal static DevnetOptions Options(string? dir)
    {
        var options = DevnetOptions.FromEnvironment();
        if (dir is not null) options.Dir = dir;
        return options;
    }

    internal static IProgress<string> ProgressTo(IAnsiConsole console, bool quiet) =>
        new SyncProgress(message =>
        {
            if (quiet) Console.Error.WriteLine(message);
            else console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
        });

    private static void PrintState(IAnsiConsole console, DevnetState state)
    {
        var table = new Spectre.Console.Table().AddColumns("service", "pid", "url");
        foreach (var (name, record) in new[] { ("postgres", state.Postgres), ("redis", state.Redis), ("anvil", state.Anvil) })
        {
            if (record is null) continue;
            table.AddRow(name, record.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(record.Url));
        }
        console.Write(table);
        PrintContracts(console, state);
        console.MarkupLine($"[green]devnet up[/] — state in {Markup.Escape(DevnetState.PathIn(state.Dir))}");
    }

    private static void PrintContracts(IAnsiConsole console, DevnetState state)
    {
        if (state.Contracts.Count == 0) return;
        var table = new Spectre.Console.Table().AddColumns("contract", "address", "block");
        foreach (var (name, deployed) in state.Contracts.OrderBy(c => c.Key, StringComparer.Ordinal)) table.AddRow(name, deployed.Address, deployed.Block.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and can reorder lines).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
