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
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var before = await s.Client.GetDelegationAsync(target, key.Address, ct);
            var receipt = await s.Client.Staking.WithdrawDelegatedAsync(key, target, ct);
            var tokens = receipt.Event("StakeDelegatedWithdrawn").Get<BigInteger>("tokens");
            await DelegateCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, before, receipt, $"withdrew {Dpi.Display(tokens)}",
                new { withdrawn = Dpi.Format(tokens) }, ct);
            return 0;
        }));
        return cmd;
    }
}
