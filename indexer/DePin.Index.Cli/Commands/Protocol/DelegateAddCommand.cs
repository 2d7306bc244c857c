using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate add INDEXER AMOUNT`: shows the tax and the shares to expect, asks unless --yes, then approves and delegates.</summary>
internal static class DelegateAddCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var indexer = DelegateCommands.IndexerArgument();
        var amount = new Argument<string>("amount") { Description = "DPI to delegate (the delegation tax is taken from it)." };
        var cmd = o.AddTo(new Command("add", "Delegate DPI to an indexer; shows the tax and the shares to expect, then asks unless --yes.") { indexer, amount }, confirm: true);
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(indexer)!, "indexer");
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var p = s.Client;
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var taxPpm = (long)await p.Staking.ParameterAsync("delegationTaxPercentage", ct);
            var before = await p.GetDelegationAsync(target, key.Address, ct);
            // Staking.delegate: tax burned, shares = net (empty pool) or net × shares / tokens, rounded down.
            var tax = tokens * taxPpm / 1_000_000;
            var net = tokens - tax;
            var expected = before.Pool.Shares.IsZero ? net : net * before.Pool.Shares / before.Pool.Tokens;
            if (!parse.GetValue(o.Json))
            {
                Output.Fields(console, "delegation to send", [
                    ("indexer", target.ToChecksumString()),
                    ("amount", Dpi.Display(tokens)),
                    ("delegation tax (burned)", $"{Dpi.Display(tax)} ({Dpi.Percent(taxPpm)})"),
                    ("price per share", Dpi.Display(Dpi.PerShare(before.Pool.Tokens, before.Pool.Shares))),
                    ("shares to expect", Dpi.Format(expected)),
                ]);
            }
            o.Confirm(console, parse, $"Delegate {Dpi.Display(tokens)} to {target}?");
            var receipt = await p.Staking.DelegateAsync(key, target, tokens, expected, ct: ct);
            var shares = receipt.Event("StakeDelegated").Get<BigInteger>("shares");
            await DelegateCommands.PrintAsync(console, parse.GetValue(o.Json), p, before, receipt, $"delegated {Dpi.Display(tokens)}: {Dpi.Format(shares)} shares",
                new { tokens = Dpi.Format(tokens), tax = Dpi.Format(tax), expectedShares = Dpi.Format(expected), shares = Dpi.Format(shares) }, ct);
            return 0;
        }));
        return cmd;
    }
}
