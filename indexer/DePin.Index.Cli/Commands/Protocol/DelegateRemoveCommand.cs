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
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var before = await s.Client.GetDelegationAsync(target, key.Address, ct);
            var amount = string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? before.Shares : Dpi.Parse(text, "shares");
            var receipt = await s.Client.Staking.UndelegateAsync(key, target, amount, ct);
            var locked = receipt.Event("StakeDelegatedLocked");
            var tokens = locked.Get<BigInteger>("tokens");
            var until = locked.Get<BigInteger>("untilEpoch");
            await DelegateCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, before, receipt,
                $"undelegated {Dpi.Format(amount)} shares: {Dpi.Display(tokens)} unbonding until epoch {until}",
                new { shares = Dpi.Format(amount), tokens = Dpi.Format(tokens), lockedUntilEpoch = until }, ct);
            return 0;
        }));
        return cmd;
    }
}
