using System.CommandLine;
using System.Numerics;
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
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Staking.UnstakeAsync(key, tokens, ct);
            var until = receipt.Event("StakeLocked").Get<BigInteger>("untilBlock");
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt,
                $"unstaked {Dpi.Display(tokens)}: withdrawable from block {until}", new { unstaked = Dpi.Format(tokens), thawingUntilBlock = until }, ct);
            return 0;
        }));
        return cmd;
    }
}
