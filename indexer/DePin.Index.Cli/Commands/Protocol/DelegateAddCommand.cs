using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate add INDEXER AMOUNT`: approve and delegate (the delegation tax is burned; shares are minted for the rest).</summary>
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
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var taxPpm = await s.CallUIntAsync(ProtocolAbi.Staking, s.Staking, "delegationTaxPercentage", [], ct);
            var pool = await s.CallAsync(ProtocolAbi.Staking, s.Staking, "delegationPools", [target], ct);
            var tax = tokens * taxPpm / 1_000_000;
            var net = tokens - tax;
            var poolTokens = (BigInteger)pool[0];
            var poolShares = (BigInteger)pool[1];
            var expected = poolShares.IsZero ? net : net * poolShares / poolTokens;
            if (!parse.GetValue(o.Json))
            {
                Output.Fields(console, "delegation to send", [
                    ("indexer", target.ToChecksumString()),
                    ("amount", Dpi.Display(tokens)),
                    ("delegation tax (burned)", $"{Dpi.Display(tax)} ({Dpi.Percent(taxPpm)})"),
                    ("shares to expect", Dpi.Format(expected)),
                ]);
            }
            o.Confirm(console, parse, $"Delegate {Dpi.Display(tokens)} to {target}?");
            await s.EnsureAllowanceAsync(key, s.Staking, tokens, ct);
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "delegate", [target, tokens, expected], ct);
            var shares = (BigInteger)outputs[0];
            var position = await DelegateCommands.ReadAsync(s, target, key.Address, ct);
            DelegateCommands.Print(console, parse.GetValue(o.Json), position, receipt, $"delegated {Dpi.Display(tokens)}: {Dpi.Format(shares)} shares",
                new { tokens = Dpi.Format(tokens), tax = Dpi.Format(tax), shares = Dpi.Format(shares) });
            return 0;
        }));
        return cmd;
    }
}
