using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate withdraw INDEXER`: take back the unbonded tokens once the unbonding period is over.</summary>
internal static class DelegateWithdrawCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var indexer = DelegateCommands.IndexerArgument();
        var cmd = o.AddTo(new Command("withdraw", "Withdraw undelegated tokens from an indexer after the unbonding period.") { indexer });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(indexer)!, "indexer");
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "withdrawDelegated", [target], ct);
            var tokens = (BigInteger)outputs[0];
            var position = await DelegateCommands.ReadAsync(s, target, key.Address, ct);
            DelegateCommands.Print(console, parse.GetValue(o.Json), position, receipt, $"withdrew {Dpi.Display(tokens)}", new { withdrawn = Dpi.Format(tokens) });
            return 0;
        }));
        return cmd;
    }
}
