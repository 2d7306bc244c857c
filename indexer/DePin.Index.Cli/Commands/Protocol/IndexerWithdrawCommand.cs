using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer withdraw`: take back the thawed stake once the thawing period is over.</summary>
internal static class IndexerWithdrawCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var cmd = o.AddTo(new Command("withdraw", "Withdraw all thawed stake (after the thawing period)."));
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Staking.WithdrawAsync(key, ct);
            var tokens = receipt.Event("StakeWithdrawn").Get<BigInteger>("tokens");
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt, $"withdrew {Dpi.Display(tokens)}",
                new { withdrawn = Dpi.Format(tokens) }, ct);
            return 0;
        }));
        return cmd;
    }
}
