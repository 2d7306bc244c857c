using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// `depin curate signal DEPLOYMENT AMOUNT`: shows the price per share, the curation tax and the shares to expect
/// (Curation.tokensToSignal), asks unless --yes, then approves and signals with those shares as the minimum.
/// </summary>
internal static class CurateSignalCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var deployment = CurateCommands.DeploymentArgument();
        var amount = new Argument<string>("amount") { Description = "DPI to deposit (the curation tax is burned from it)." };
        var cmd = o.AddTo(new Command("signal", "Signal on a deployment: shows price per share and the shares to expect, then asks unless --yes.") { deployment, amount }, confirm: true);
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var id = DeploymentId.Parse(parse.GetValue(deployment)!);
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var quote = s.CallAsync(ProtocolAbi.Curation, s.Curation, "tokensToSignal", [id.ToArray(), tokens], ct);
            var before = CurateCommands.ReadAsync(s, id, key.Address, ct);
            await Task.WhenAll(quote, before);
            var expected = (BigInteger)quote.Result[0];
            var tax = (BigInteger)quote.Result[1];
            if (!parse.GetValue(o.Json))
            {
                Output.Fields(console, "signal to send", [
                    ("deployment", id.ToString()),
                    ("deposit", Dpi.Display(tokens)),
                    ("curation tax (burned)", Dpi.Display(tax)),
                    ("price per share", Dpi.Display(before.Result.PricePerShare)),
                    ("shares to expect", Dpi.Format(expected)),
                ]);
            }
            o.Confirm(console, parse, $"Signal {Dpi.Display(tokens)} on {id}?");
            await s.EnsureAllowanceAsync(key, s.Curation, tokens, ct);
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Curation, s.Curation, "signal", [id.ToArray(), tokens, expected], ct);
            var minted = (BigInteger)outputs[0];
            var after = await CurateCommands.ReadAsync(s, id, key.Address, ct);
            CurateCommands.Print(console, parse.GetValue(o.Json), after, receipt, $"signalled {Dpi.Display(tokens)}: {Dpi.Format(minted)} shares",
                new { tokens = Dpi.Format(tokens), tax = Dpi.Format(tax), expectedShares = Dpi.Format(expected), shares = Dpi.Format(minted), pricePerShareBefore = Dpi.Format(before.Result.PricePerShare) });
            return 0;
        }));
        return cmd;
    }
}
