using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate remove INDEXER SHARES|all`: undelegate shares; their tokens unbond for the unbonding period.</summary>
internal static class DelegateRemoveCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var indexer = DelegateCommands.IndexerArgument();
        var shares = new Argument<string>("shares") { Description = "Shares to undelegate (18 decimals, as `delegate list` shows them), or 'all'." };
        var cmd = o.AddTo(new Command("remove", "Undelegate shares from an indexer; the tokens unbond, then `delegate withdraw` returns them.") { indexer, shares });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(indexer)!, "indexer");
            var text = parse.GetValue(shares)!;
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var before = await DelegateCommands.ReadAsync(s, target, key.Address, ct);
            var amount = string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? before.Shares : Dpi.Parse(text, "shares");
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "undelegate", [target, amount], ct);
            var tokens = (BigInteger)outputs[0];
            var position = await DelegateCommands.ReadAsync(s, target, key.Address, ct);
            DelegateCommands.Print(console, parse.GetValue(o.Json), position, receipt,
                $"undelegated {Dpi.Format(amount)} shares: {Dpi.Display(tokens)} unbonding until epoch {position.LockedUntilEpoch}",
                new { shares = Dpi.Format(amount), tokens = Dpi.Format(tokens), lockedUntilEpoch = position.LockedUntilEpoch });
            return 0;
        }));
        return cmd;
    }
}
