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
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var p = s.Client;
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            // Independent reads go out together: each round trip counts in the command's wall time.
            var quoting = p.Curation.QuoteSignalAsync(id, tokens, ct);
            var reading = p.GetCurationAsync(id, key.Address, ct);
            var quote = await quoting;
            var before = await reading;
            var price = Dpi.PerShare(before.Pool.Tokens, before.Pool.Signal);
            if (!parse.GetValue(o.Json))
            {
                Output.Fields(console, "signal to send", [
                    ("deployment", id.ToString()),
                    ("deposit", Dpi.Display(tokens)),
                    ("curation tax (burned)", Dpi.Display(quote.Tax)),
                    ("price per share", Dpi.Display(price)),
                    ("shares to expect", Dpi.Format(quote.Signal)),
                ]);
            }
            o.Confirm(console, parse, $"Signal {Dpi.Display(tokens)} on {id}?");
            var receipt = await p.Curation.SignalAsync(key, id, tokens, quote.Signal, ct: ct);
            var minted = receipt.Event("Signalled").Get<BigInteger>("signal");
            await CurateCommands.PrintAsync(console, parse.GetValue(o.Json), p, before, receipt, $"signalled {Dpi.Display(tokens)}: {Dpi.Format(minted)} shares",
                new
                {
                    tokens = Dpi.Format(tokens),
                    tax = Dpi.Format(quote.Tax),
                    pricePerShare = Dpi.Format(price),
                    expectedShares = Dpi.Format(quote.Signal),
                    shares = Dpi.Format(minted),
                }, ct);
            return 0;
        }));
        return cmd;
    }
}
