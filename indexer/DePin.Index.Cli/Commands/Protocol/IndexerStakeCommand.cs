using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer stake AMOUNT`: approve and stake DPI (the first stake must reach the minimum stake).</summary>
internal static class IndexerStakeCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var amount = new Argument<string>("amount") { Description = "DPI to stake (e.g. 100000 or 2.5)." };
        var cmd = o.AddTo(new Command("stake", "Stake DPI as an indexer (approves the Staking contract first when needed).") { amount });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Staking.StakeAsync(key, tokens, ct: ct);
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt, $"staked {Dpi.Display(tokens)}",
                new { staked = Dpi.Format(tokens) }, ct);
            return 0;
        }));
        return cmd;
    }
}
