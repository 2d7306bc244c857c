using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer unstake AMOUNT`: move own stake into the thawing period (withdraw after it).</summary>
internal static class IndexerUnstakeCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var amount = new Argument<string>("amount") { Description = "DPI to unstake." };
        var cmd = o.AddTo(new Command("unstake", "Start thawing own stake; `indexer withdraw` returns it after the thawing period (a new unstake restarts the wait).") { amount });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (_, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "unstake", [tokens], ct);
            var view = await IndexerView.ReadAsync(s, key.Address, ct);
            IndexerCommands.Print(console, parse.GetValue(o.Json), view, receipt,
                $"unstaked {Dpi.Display(tokens)}: withdrawable from block {view.ThawingUntilBlock}",
                new { unstaked = Dpi.Format(tokens), thawingUntilBlock = view.ThawingUntilBlock });
            return 0;
        }));
        return cmd;
    }
}
