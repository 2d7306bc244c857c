using System.CommandLine;
using DePin.Index.Ethereum.Abi;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>`depin bench`: the project's benchmarks, printing figures (never asserted in tests).</summary>
internal static class BenchCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var bench = new Command("bench", "Measure the project's performance figures on this machine.");
        var logs = new Option<int>("--logs") { Description = "Logs to decode per timed round.", DefaultValueFactory = _ => 2_000_000 };
        var decode = new Command("decode", "ABI-decode DePIN event logs on one core (ProofSubmitted and DeviceRegistered, 3:1).") { logs };
        decode.SetAction(parse =>
        {
            var rate = AbiBenchmarks.DecodeLogsPerSecond(parse.GetValue(logs));
            console.MarkupLine($"decode: [green]{rate:N0} logs/s[/] on one core");
            return 0;
        });
        bench.Subcommands.Add(decode);
        bench.Subcommands.Add(ChainBench.Build(console));
        bench.Subcommands.Add(PipelineBench.Build(console));
        bench.Subcommands.Add(BenchGraphQLCommand.Build(console));
        bench.Subcommands.Add(BenchLiveCommand.Build(console));
        return bench;
    }
}
