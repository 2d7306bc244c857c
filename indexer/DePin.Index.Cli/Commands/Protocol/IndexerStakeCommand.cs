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
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            await s.EnsureAllowanceAsync(key, s.Staking, tokens, ct);
            var (_, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "stake", [tokens], ct);
            var view = await IndexerView.ReadAsync(s, key.Address, ct);
            IndexerCommands.Print(console, parse.GetValue(o.Json), view, receipt, $"staked {Dpi.Display(tokens)}", new { staked = Dpi.Format(tokens) });
            return 0;
        }));
        return cmd;
    }
}
